package org.toxwatch.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.model.Topics;
import org.toxwatch.platform.BootstrapCredentials;

/**
 * What one stage's measurements in one round run on: a fresh embedded broker (all ToxWatch topics, 6 partitions, as
 * the local run creates them, plus the references' own topics) and a fresh MongoDB-wire store, so no round or
 * stage inherits another's data, offsets or consumer groups.
 */
final class Sitting implements AutoCloseable {

    static final int PARTITIONS = 6;

    final Path directory;
    final EmbeddedKafkaBroker broker;
    final EmbeddedMongoServer mongo;
    private final Credentials credentials;

    /** The local run's passwords and the file they are kept in. */
    record Credentials(BootstrapCredentials passwords, Path file) {}

    private Sitting(Path directory, EmbeddedKafkaBroker broker, EmbeddedMongoServer mongo, Credentials credentials) {
        this.directory = directory;
        this.broker = broker;
        this.mongo = mongo;
        this.credentials = credentials;
    }

    static Sitting open(Path directory, Credentials credentials, String... referenceTopics) {
        var broker = EmbeddedKafkaBroker.start(directory.resolve("kafka"), 0);
        broker.createTopics(Topics.ALL, PARTITIONS, Topics.COMPACTED);
        broker.createTopics(List.of(referenceTopics), PARTITIONS);
        var mongo = EmbeddedMongoServer.start(directory.resolve("mongo"), 0);
        return new Sitting(directory, broker, mongo, credentials);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * The variables the local run hands each service, pointed at this sitting's broker and store, plus the JVM options
     * {@code -Dbenchmark.<service>.jvm-options} gives that service (e.g. a flight recording). They go through
     * {@code JDK_JAVA_OPTIONS}, which only the java launcher of that one process reads, so neither the reference nor
     * the broker is profiled with it.
     */
    Map<String, String> serviceEnvironment(ServiceKind service) {
        var environment = new LinkedHashMap<>(credentials.passwords().asEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("MONGODB_URI", mongo.connectionString() + "/toxwatch");
        environment.put("TOXWATCH_DATA_DIR", directory.resolve("service-data").toString());
        environment.put(
                "TOXWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        environment.put("TOXWATCH_CREDENTIALS_FILE", credentials.file().toString());
        String options =
                System.getProperty("benchmark." + service.name().toLowerCase(Locale.ROOT) + ".jvm-options", "");
        if (!options.isBlank()) {
            environment.put("JDK_JAVA_OPTIONS", options);
        }
        return environment;
    }

    Path logs() {
        return directory.resolve("logs");
    }

    @Override
    public void close() {
        mongo.close();
        broker.close();
    }
}
