package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link RichPatientCourse} as today's {@link PatientStateSerde} stores it, in both forms it reads, into a
 * new directory: how the fixed bytes of a state format version are captured, once, when that version is introduced.
 * It never runs in the build (the class name is not a test name and the property is required), and it refuses to
 * overwrite, because fixed bytes that are regenerated pin nothing:
 *
 * <pre>{@code
 * ./mvnw -pl services/monitoring-service -am test -Dtest=PatientStateCapture -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtoxwatch.state.capture=$PWD/services/monitoring-service/src/test/resources/state/v2
 * }</pre>
 */
class PatientStateCapture {

    static final String SMILE_FILE = "rich-patient.smile";
    static final String JSON_FILE = "rich-patient.json";

    @Test
    @EnabledIfSystemProperty(named = "toxwatch.state.capture", matches = ".+")
    void captureTheRichPatientInANewDirectory() throws IOException {
        var directory = Path.of(System.getProperty("toxwatch.state.capture"));
        assertThat(directory).doesNotExist();
        Files.createDirectories(directory);
        var json = JsonMapper.builder().build();
        var state = RichPatientCourse.folded();

        Files.write(
                directory.resolve(SMILE_FILE),
                new PatientStateSerde(json).serializer().serialize("store", state));
        Files.write(directory.resolve(JSON_FILE), json.writeValueAsBytes(state));

        assertThat(directory.resolve(SMILE_FILE)).isNotEmptyFile();
    }
}
