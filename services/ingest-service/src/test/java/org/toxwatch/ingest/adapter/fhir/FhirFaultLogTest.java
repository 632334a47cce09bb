package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.toxwatch.ingest.application.FailingFirstPublication;

/**
 * A fault nobody foresaw while a FHIR resource is recorded: the sender gets a reject it need not resend, and the
 * log names the failure and where it was thrown, never what its message quotes of the resource.
 */
@ExtendWith(OutputCaptureExtension.class)
class FhirFaultLogTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void anUnforeseenFaultIsLoggedByItsClassesAndPlaceWithoutTheContentItsMessageQuotes(CapturedOutput output) {
        var publisher = new FailingFirstPublication("cannot record the result of MRN-0001, Test patient");
        var ingest =
                new FhirIngest(new FhirJson(FHIR), publisher.recordingAt(NOW), new FhirIngestTest.CountingMonitor());

        var answer = ingest.create("Observation", json("observation-anc-751-8.json"), "DEMO-LIS");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(publisher.publications()).isEqualTo(2);
        assertThat(output.getAll())
                .contains("FHIR submission could not be processed: java.lang.IllegalStateException at ")
                .doesNotContain("MRN-0001")
                .doesNotContain("Test patient");
    }
}
