package org.toxwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ArchUnit rule in {@link ArchitectureTest} sees calls such as {@code Topics.deadLetterTopicOf}, but javac
 * copies a {@code Topics} string constant into the class that reads it, leaving no dependency in the bytecode.
 * So the sources of the protocol adapters and the use case are read too.
 */
class TopicNamesStayInTheKafkaAdapterTest {

    private static final Path ROOT = Path.of("src/main/java/org/toxwatch/ingest");

    /** {@code Topics.LAB_RESULTS} however it is imported, or the class named in full. */
    private static final Pattern TOPICS =
            Pattern.compile("(?<![\\w.])Topics\\s*\\.|org\\.toxwatch\\.model\\.Topics\\b");

    @Test
    void noProtocolAdapterAndNoUseCaseNamesAKafkaTopic() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Stream.of("adapter/hl7", "adapter/fhir", "adapter/web", "application")
                .map(ROOT::resolve)
                .flatMap(TopicNamesStayInTheKafkaAdapterTest::javaFiles)) {
            offenders = files.filter(TopicNamesStayInTheKafkaAdapterTest::mentionsTopics)
                    .toList();
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theSourcesAreWhereThisTestReadsThem() {
        assertThat(ROOT.resolve("application/RecordClinicalEvents.java")).exists();
    }

    private static Stream<Path> javaFiles(Path directory) {
        try {
            return Files.walk(directory).filter(path -> path.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean mentionsTopics(Path source) {
        try {
            return TOPICS.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
