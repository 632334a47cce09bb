package org.toxwatch.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.Topics;

class RecordClinicalEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final RecordingEventPublisher kafka = new RecordingEventPublisher();

    private RecordClinicalEvents recording(Set<String> sendersWhoseUnknownCodesAreIgnored) {
        return new RecordClinicalEvents(
                new ObservationValidator(Duration.ofMinutes(5)),
                new TherapyEvents(Duration.ofMinutes(5)),
                new LocalCodes(Map.of(), sendersWhoseUnknownCodesAreIgnored),
                kafka,
                new InMemoryInboundArchive(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObservationSubmission observation(String loinc, String value, String unit, String messageId) {
        return new ObservationSubmission(
                "MRN-1",
                loinc,
                new BigDecimal(value),
                null,
                unit,
                NOW.minusSeconds(3600),
                null,
                null,
                null,
                messageId,
                null,
                null);
    }

    private static Submission submission() {
        return new Submission("JSON", "lis", "a,b,c", "[...]");
    }

    @Test
    void aSkippedResultKeepsItsPlaceSoViolationsNameTheItemTheSenderSent() {
        var cholesterol = observation("2093-3", "190", "mg/dL", "a");
        var ancInMilligrams = observation("751-8", "0.4", "mg", "b");

        var outcome = recording(Set.of("lis")).observations(submission(), List.of(cholesterol, ancInMilligrams));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(Violation::field)
                                .containsExactly("[1].unit"));
    }

    @Test
    void skippedResultsAreNotPublishedAndTheRestIs() {
        var cholesterol = observation("2093-3", "190", "mg/dL", "a");
        var anc = observation("751-8", "0.4", "10*9/L", "b");

        var outcome = recording(Set.of("lis")).observations(submission(), List.of(cholesterol, anc));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Accepted.class,
                        accepted -> assertThat(accepted.eventIds()).hasSize(1));
        assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).hasSize(1);
    }

    @Test
    void withoutTheSettingAnUnmonitoredCodeIsRejected() {
        var outcome =
                recording(Set.of()).observations(submission(), List.of(observation("2093-3", "190", "mg/dL", "a")));

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(kafka.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
    }
}
