package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;

/**
 * A fault nobody foresaw while a FHIR resource is recorded: the sender gets a reject it need not resend, and the
 * log names the failure and where it was thrown, never what its message quotes of the resource.
 */
@ExtendWith(OutputCaptureExtension.class)
class FhirFaultLogTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final AtomicInteger publications = new AtomicInteger();

    @Test
    void anUnforeseenFaultIsLoggedByItsClassesAndPlaceWithoutTheContentItsMessageQuotes(CapturedOutput output) {
        var ingest = new FhirIngest(
                new FhirJson(FHIR),
                new RecordClinicalEvents(
                        new ObservationValidator(Duration.ofMinutes(5)),
                        new TherapyEvents(Duration.ofMinutes(5)),
                        new LocalCodes(Map.of()),
                        events -> {
                            // The result fails; the reject recorded after it is published.
                            if (publications.getAndIncrement() == 0) {
                                throw new IllegalStateException("cannot record the result of MRN-0001, Test patient");
                            }
                        },
                        new InMemoryInboundArchive(),
                        Clock.fixed(NOW, ZoneOffset.UTC)),
                new FhirIngestTest.CountingMonitor());

        var answer = ingest.create("Observation", json("observation-anc-751-8.json"), "DEMO-LIS");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(publications).hasValue(2);
        assertThat(output.getAll())
                .contains("FHIR submission could not be processed: java.lang.IllegalStateException at ")
                .doesNotContain("MRN-0001")
                .doesNotContain("Test patient");
    }
}
