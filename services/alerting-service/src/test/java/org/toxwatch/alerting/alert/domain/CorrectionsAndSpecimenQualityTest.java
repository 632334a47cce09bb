package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCancellationOf;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.withCaveats;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Issue 14 item 9: a laboratory correction or cancellation reaches the alert built on the result, and a grade from a
 * compromised specimen does not page until a result without the caveat confirms it.
 */
class CorrectionsAndSpecimenQualityTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();

    private AlertEpisode.Change raise(ToxicityAssessed assessment) {
        return AlertEpisode.raise(assessment, policy.decide(assessment).orElseThrow(), UUID.randomUUID(), NOW);
    }

    private AlertEpisode.Change apply(AlertEpisode episode, ToxicityAssessed assessment) {
        return episode.apply(assessment, policy.decide(assessment), NOW.plusSeconds(60));
    }

    @Nested
    class WhenTheLaboratoryCorrectsAResult {

        private final ToxicityAssessed gradeThreePotassium = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);
        private final AlertEpisode open = raise(gradeThreePotassium).episode();

        @Test
        void anAlertWhoseOnlySupportIsCorrectedToNormalIsWithdrawnSayingSourceResultCorrected() {
            var correction = afterCorrectionOf(gradeThreePotassium, Criterion.HYPERKALEMIA, 0);

            var change = apply(open, correction);

            assertThat(change.episode().status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(change.episode().highestGrade())
                    .as("recomputed without the withdrawn value")
                    .isZero();
            assertThat(change.event().transition()).isEqualTo(AlertTransition.RESOLVED);
            assertThat(change.event().actor()).isEqualTo("toxwatch");
            assertThat(change.event().reason()).startsWith("source result corrected");
            assertThat(change.event().assessmentEventId()).isEqualTo(correction.eventId());
            assertThat(change.episode().hasHandled(correction.eventId())).isTrue();
        }

        @Test
        void aCancellationThatLeavesTheCriterionNotAssessableWithdrawsItSayingSourceResultCancelled() {
            var change = apply(open, afterCancellationOf(gradeThreePotassium, Criterion.HYPERKALEMIA, null));

            assertThat(change.episode().status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(change.event().reason()).startsWith("source result cancelled");
        }

        @Test
        void anAlertCorrectedToALowerAlertingGradeIsLoweredToIt() {
            var gradeFourAnc = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
            var high = raise(gradeFourAnc).episode();

            var change = apply(high, afterCorrectionOf(gradeFourAnc, Criterion.NEUTROPHIL_COUNT_DECREASED, 3));

            assertThat(change.episode().status()).isEqualTo(AlertStatus.OPEN);
            assertThat(change.episode().highestGrade()).isEqualTo(3);
            assertThat(change.episode().priority()).isEqualTo(AlertPriority.MEDIUM);
            assertThat(change.event().transition()).isEqualTo(AlertTransition.UPDATED);
            assertThat(change.event().reason())
                    .startsWith("source result corrected")
                    .contains("highest grade 4 -> 3", "priority high -> medium");
        }

        @Test
        void aGradeRestingOnAnotherResultStillStandsAndKeepsTheAlertOpen() {
            var ancGradeThree = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3);
            var plateletsGradeFour = anAssessment("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 4);
            var episode =
                    apply(raise(ancGradeThree).episode(), plateletsGradeFour).episode();
            assertThat(episode.highestGrade()).isEqualTo(4);

            var change = apply(episode, afterCorrectionOf(plateletsGradeFour, Criterion.PLATELET_COUNT_DECREASED, 1));

            assertThat(change.episode().status()).isEqualTo(AlertStatus.OPEN);
            assertThat(change.episode().highestGrade()).isEqualTo(3);
            assertThat(change.episode().priority()).isEqualTo(AlertPriority.MEDIUM);
        }

        @Test
        void aCorrectionToAWorseGradeEscalatesAndNotifies() {
            var change = apply(open, afterCorrectionOf(gradeThreePotassium, Criterion.HYPERKALEMIA, 4));

            assertThat(change.episode().highestGrade()).isEqualTo(4);
            assertThat(change.episode().priority()).isEqualTo(AlertPriority.HIGH);
            assertThat(change.event().transition()).isEqualTo(AlertTransition.ESCALATED_GRADE);
            assertThat(AlertEpisode.notifies(change.event().transition())).isTrue();
        }

        @Test
        void aCorrectionOfResultsTheAlertNeverRestedOnIsAnOrdinaryUpdate() {
            var elsewhere = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);

            var change = apply(open, afterCorrectionOf(elsewhere, Criterion.HYPERKALEMIA, 0));

            assertThat(change.episode().status()).isEqualTo(AlertStatus.OPEN);
            assertThat(change.episode().highestGrade()).isEqualTo(3);
            assertThat(change.event().transition()).isEqualTo(AlertTransition.UPDATED);
        }
    }

    @Nested
    class WhenTheSpecimenIsCompromised {

        private final ToxicityAssessed hemolyzedPotassium =
                withCaveats(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3), AssessmentCaveat.HEMOLYZED_SPECIMEN);

        @Test
        void aGradeFromAHemolyzedSpecimenIsLowAwaitingConfirmation() {
            var decision = policy.decide(hemolyzedPotassium).orElseThrow();

            assertThat(decision.priority()).isEqualTo(AlertPriority.LOW);
            assertThat(decision.awaitsConfirmation()).isTrue();
            assertThat(decision.reason()).startsWith("awaiting confirmation: hemolyzed specimen");
        }

        @Test
        void anyOtherReportedSpecimenConditionIsHeldTheSameWay() {
            var lipemic =
                    withCaveats(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 4), AssessmentCaveat.SPECIMEN_CONDITION);

            assertThat(policy.decide(lipemic))
                    .get()
                    .extracting(AlertDecision::priority, AlertDecision::awaitsConfirmation)
                    .containsExactly(AlertPriority.LOW, true);
        }

        @Test
        void aGradeThatWouldRaiseNothingRaisesNothingFromAHemolyzedSpecimenEither() {
            var gradeOne =
                    withCaveats(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 1), AssessmentCaveat.HEMOLYZED_SPECIMEN);

            assertThat(policy.decide(gradeOne)).isEmpty();
        }

        @Test
        void aPolicyConfiguredToPageOnCompromisedSpecimensGivesTheUsualPriority() {
            assertThat(new AlertPolicy(true).decide(hemolyzedPotassium))
                    .get()
                    .extracting(AlertDecision::priority, AlertDecision::awaitsConfirmation)
                    .containsExactly(AlertPriority.MEDIUM, false);
        }

        @Test
        void theAlertIsRaisedButNeverEscalates() {
            var episode = raise(hemolyzedPotassium).episode();

            assertThat(episode.priority()).isEqualTo(AlertPriority.LOW);
            assertThat(episode.awaitsConfirmation()).isTrue();
            assertThat(episode.escalate(EscalationPolicy.DEFAULT, NOW.plus(Duration.ofDays(1))))
                    .isInstanceOf(AlertEpisode.Decision.Refused.class);
        }

        @Test
        void aLaterResultWithoutTheCaveatAtTheSameGradeRestoresThePriorityAndPages() {
            var episode = raise(hemolyzedPotassium).episode();

            var change = apply(episode, anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3));

            assertThat(change.episode().priority()).isEqualTo(AlertPriority.MEDIUM);
            assertThat(change.episode().awaitsConfirmation()).isFalse();
            assertThat(AlertEpisode.notifies(change.event().transition())).isTrue();
            assertThat(change.event().reason()).startsWith("confirmed by a result without a specimen caveat");
            assertThat(change.episode()
                            .escalate(
                                    EscalationPolicy.DEFAULT,
                                    NOW.plus(Duration.ofMinutes(31)).plusSeconds(60)))
                    .isInstanceOf(AlertEpisode.Decision.Changed.class);
        }

        @Test
        void aLaterHemolyzedResultDoesNotConfirmItNorPage() {
            var episode = raise(hemolyzedPotassium).episode();

            var change = apply(
                    episode,
                    withCaveats(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 4), AssessmentCaveat.HEMOLYZED_SPECIMEN));

            assertThat(change.episode().priority()).isEqualTo(AlertPriority.LOW);
            assertThat(change.episode().highestGrade()).isEqualTo(4);
            assertThat(change.event().transition()).isEqualTo(AlertTransition.UPDATED);
        }

        @Test
        void aHemolyzedHigherGradeOnAConfirmedAlertUpdatesItWithoutPaging() {
            var confirmed =
                    raise(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3)).episode();

            var change = apply(
                    confirmed,
                    withCaveats(anAssessment("MRN-1", Criterion.HYPERKALEMIA, 4), AssessmentCaveat.HEMOLYZED_SPECIMEN));

            assertThat(change.episode().priority()).isEqualTo(AlertPriority.MEDIUM);
            assertThat(change.event().transition()).isEqualTo(AlertTransition.UPDATED);
            assertThat(change.event().reason()).startsWith("awaiting confirmation: hemolyzed specimen");
        }
    }
}
