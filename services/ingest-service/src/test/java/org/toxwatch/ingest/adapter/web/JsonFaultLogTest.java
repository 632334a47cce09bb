package org.toxwatch.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.toxwatch.ingest.adapter.metrics.MicrometerIngestMonitor;
import org.toxwatch.ingest.application.FailingFirstPublication;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fault nobody foresaw while a JSON body is recorded: the sender gets a reject it need not resend, and the log
 * names the failure and where it was thrown, never what its message quotes of the body.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonFaultLogTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void anUnforeseenFaultIsLoggedByItsClassesAndPlaceWithoutTheContentItsMessageQuotes(CapturedOutput output) {
        var publisher = new FailingFirstPublication("cannot record MRN-0004, Mia Example, born 2020-03-14");
        var intake = new JsonIntake(
                publisher.recordingAt(NOW),
                new MicrometerIngestMonitor(new SimpleMeterRegistry()),
                JsonMapper.builder().build());

        var outcome = intake.patients(JsonPatientsTest.TRANSFERRED, "ward-app");

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(publisher.publications()).isEqualTo(2);
        assertThat(output.getAll())
                .contains("JSON submission could not be processed: java.lang.IllegalStateException at ")
                .doesNotContain("MRN-0004")
                .doesNotContain("Example")
                .doesNotContain("2020-03-14");
    }
}
