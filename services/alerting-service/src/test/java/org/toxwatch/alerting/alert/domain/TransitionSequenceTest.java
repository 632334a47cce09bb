package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Every transition of an episode is numbered one after the one before, the raise 1, when it is made: transitions
 * made in one go at one instant (a batch applied in memory) keep their order by their numbers.
 */
class TransitionSequenceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();

    @Test
    void theRaiseIsTheFirstTransitionAndEachLaterOneIsNumberedAfterTheOneBefore() {
        var grade3 = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3);
        var raised = AlertEpisode.raise(grade3, policy.decide(grade3).orElseThrow(), UUID.randomUUID(), NOW);
        var updated = apply(raised.episode(), anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3));
        var escalated = apply(updated.episode(), anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        var acknowledged = changed(escalated.episode().acknowledge("dr.grey", null, NOW));
        var resolved = changed(acknowledged.episode().resolve("dr.grey", "recovered", NOW));

        assertThat(List.of(raised, updated, escalated, acknowledged, resolved))
                .extracting(
                        change -> change.event().transition(),
                        change -> change.transition().sequence())
                .containsExactly(
                        tuple(AlertTransition.RAISED, 1),
                        tuple(AlertTransition.UPDATED, 2),
                        tuple(AlertTransition.ESCALATED_GRADE, 3),
                        tuple(AlertTransition.ACKNOWLEDGED, 4),
                        tuple(AlertTransition.RESOLVED, 5));
    }

    @Test
    void aChangeNumbersItsEventAsTheLatestTransitionOfTheEpisodeItMade() {
        var grade3 = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);
        var raised = AlertEpisode.raise(grade3, policy.decide(grade3).orElseThrow(), UUID.randomUUID(), NOW);
        var withdrawn = apply(raised.episode(), afterCorrectionOf(grade3, Criterion.HYPERKALEMIA, 0));

        assertThat(withdrawn.event().transition()).isEqualTo(AlertTransition.RESOLVED);
        assertThat(withdrawn.transition().sequence())
                .isEqualTo(withdrawn.episode().transitions())
                .isEqualTo(2);
        assertThat(withdrawn.transition().event()).isEqualTo(withdrawn.event());
    }

    @Test
    void escalationRecoveryAndSnoozingAreTransitionsTooButARefusalIsNone() {
        var grade4 = anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        var raised = AlertEpisode.raise(grade4, policy.decide(grade4).orElseThrow(), UUID.randomUUID(), NOW);
        var escalation = EscalationPolicy.DEFAULT;
        var escalated = changed(raised.episode().escalate(escalation, NOW.plus(Duration.ofHours(2))));
        var snoozed =
                changed(escalated.episode().snooze("dr.grey", Duration.ofMinutes(30), Duration.ofHours(4), null, NOW));

        var refused = snoozed.episode().resolve("dr.grey", " ", NOW);

        assertThat(escalated.transition().sequence()).isEqualTo(2);
        assertThat(snoozed.transition().sequence()).isEqualTo(3);
        assertThat(refused).isInstanceOf(AlertEpisode.Decision.Refused.class);
        assertThat(snoozed.episode().transitions()).isEqualTo(3);
    }

    private AlertEpisode.Change apply(AlertEpisode episode, ToxicityAssessed assessment) {
        return episode.apply(assessment, policy.decide(assessment), NOW);
    }

    private static AlertEpisode.Change changed(AlertEpisode.Decision decision) {
        assertThat(decision).isInstanceOf(AlertEpisode.Decision.Changed.class);
        return ((AlertEpisode.Decision.Changed) decision).change();
    }
}
