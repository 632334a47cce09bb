package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;

class NeuroAssessmentsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final NeuroAssessments assessments = new NeuroAssessments(Duration.ofMinutes(5));

    private static NeuroAssessmentSubmission assessment(Integer ice, String consciousness) {
        return new NeuroAssessmentSubmission(
                "MRN-3", NOW.minusSeconds(600), ice, null, consciousness, "NONE", null, null, null, "neuro-1");
    }

    @Test
    void aCompleteAssessmentBecomesAnEventWithItsDomains() {
        var valid = assessment(6, "awakens_to_voice");

        assertThat(assessments.validate(valid, NOW)).isEmpty();
        var event = NeuroAssessments.toEvent(valid, "EHR", NOW);
        assertThat(event.iceScore()).isEqualTo(6);
        assertThat(event.consciousness()).isEqualTo(LevelOfConsciousness.AWAKENS_TO_VOICE);
        assertThat(event.seizure()).isEqualTo(SeizureFinding.NONE);
        assertThat(event.motor()).as("not assessed stays absent").isNull();
        assertThat(event.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(event.eventId())
                .isEqualTo(NeuroAssessments.toEvent(valid, "EHR", NOW.plusSeconds(5))
                        .eventId());
    }

    @Test
    void theIceScoreIsZeroToTen() {
        assertThat(assessments.validate(assessment(0, null), NOW)).isEmpty();
        assertThat(assessments.validate(assessment(10, null), NOW)).isEmpty();
        assertThat(assessments.validate(assessment(11, null), NOW))
                .containsExactly(new Violation("iceScore", "an ICE score is 0-10, not 11"));
        assertThat(assessments.validate(assessment(-1, null), NOW))
                .containsExactly(new Violation("iceScore", "an ICE score is 0-10, not -1"));
    }

    @Test
    void anUnknownFindingIsNamedWithTheAcceptedOnes() {
        assertThat(assessments.validate(assessment(null, "drowsy"), NOW))
                .singleElement()
                .satisfies(v -> assertThat(v.toString())
                        .startsWith("consciousness: 'drowsy' is not one of [ALERT, DEPRESSED_AWAKENS_SPONTANEOUSLY"));
    }

    @Test
    void anAssessmentThatSaysNothingIsRefused() {
        var empty = new NeuroAssessmentSubmission("MRN-3", NOW, null, null, null, null, null, null, null, "neuro-2");

        assertThat(assessments.validate(empty, NOW))
                .extracting(Violation::field)
                .containsExactly("body");
    }
}
