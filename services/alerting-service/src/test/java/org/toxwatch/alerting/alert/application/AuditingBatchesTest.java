package org.toxwatch.alerting.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;

/**
 * A batch's episodes are stored with their transitions not yet audited, each once with all its changes, then the
 * batch's audit entries are written in one write, then published: an audit entry is never written before its episode
 * is stored. A batch that withdraws results stores each change before it applies the next assessment.
 */
class AuditingBatchesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private final List<String> writes = new ArrayList<>();
    private final InMemoryAlerts alerts = new InMemoryAlerts();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    @Test
    void eachEpisodeIsStoredOnceWithItsUnauditedTransitionsThenTheBatchIsAuditedInOneWriteThenPublished() {
        var raiseAlerts = new RaiseAlerts(
                new AlertPolicy(),
                new Logged(),
                event -> writes.add("publish " + event.eventId()),
                new LoggedAudit(),
                clock);

        raiseAlerts.onAll(List.of(
                anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 3),
                anAssessment("MRN-2", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3),
                anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4)));

        var events = audit.all();
        assertThat(events).hasSize(3);
        assertThat(writes)
                .containsExactly(
                        "save MRN-1 unaudited " + ids(events.get(0), events.get(2)),
                        "save MRN-2 unaudited " + ids(events.get(1)),
                        "audit " + ids(events.get(0), events.get(1), events.get(2)),
                        "publish " + events.get(0).eventId(),
                        "publish " + events.get(1).eventId(),
                        "publish " + events.get(2).eventId());
    }

    @Test
    void aBatchThatWithdrawsResultsStoresEachChangeBeforeApplyingTheNextAssessment() {
        var raiseAlerts = new RaiseAlerts(
                new AlertPolicy(),
                new Logged(),
                event -> writes.add("publish " + event.eventId()),
                new LoggedAudit(),
                clock);
        var wrong = anAssessment("MRN-1", Criterion.HYPERKALEMIA, 3);

        raiseAlerts.onAll(List.of(wrong, afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0)));

        var events = audit.all();
        assertThat(events)
                .extracting(AlertChanged::transition)
                .containsExactly(AlertTransition.RAISED, AlertTransition.RESOLVED);
        assertThat(writes)
                .containsExactly(
                        "save MRN-1 unaudited " + ids(events.get(0)),
                        "save MRN-1 unaudited " + ids(events.get(0), events.get(1)),
                        "audit " + ids(events.get(0), events.get(1)),
                        "publish " + events.get(0).eventId(),
                        "publish " + events.get(1).eventId());
    }

    @Test
    void aBatchThatChangesNothingWritesNothing() {
        var raiseAlerts = new RaiseAlerts(
                new AlertPolicy(), new Logged(), event -> writes.add("publish"), new LoggedAudit(), clock);

        raiseAlerts.onAll(List.of(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0)));

        assertThat(writes).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    private static AlertChanged[] events(List<SequencedTransition> transitions) {
        return transitions.stream().map(SequencedTransition::event).toArray(AlertChanged[]::new);
    }

    private static String ids(AlertChanged... events) {
        return String.join(
                ",",
                java.util.Arrays.stream(events).map(e -> e.eventId().toString()).toList());
    }

    private final class Logged implements Alerts {

        @Override
        public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
            return alerts.findUnresolved(patientId, family);
        }

        @Override
        public AlertEpisode save(AlertEpisode episode) {
            throw new AssertionError("a batch saves an episode with its unaudited transitions");
        }

        @Override
        public AlertEpisode save(AlertEpisode episode, List<SequencedTransition> unaudited) {
            writes.add("save " + episode.patientId() + " unaudited " + ids(events(unaudited)));
            return alerts.save(episode);
        }

        @Override
        public Optional<AlertEpisode> find(UUID alertId) {
            return alerts.find(alertId);
        }

        @Override
        public List<AlertEpisode> list(AlertFilter filter) {
            return alerts.list(filter);
        }
    }

    private final class LoggedAudit implements AuditTrail {

        @Override
        public void record(SequencedTransition transition) {
            throw new AssertionError("a batch audits its changes in one write");
        }

        @Override
        public void recordAll(List<SequencedTransition> transitions) {
            writes.add("audit " + ids(events(transitions)));
            transitions.forEach(audit::record);
        }

        @Override
        public List<AlertChanged> of(UUID alertId) {
            return audit.of(alertId);
        }
    }
}
