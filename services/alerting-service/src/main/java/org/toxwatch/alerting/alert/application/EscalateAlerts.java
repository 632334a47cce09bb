package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;

/**
 * Use case: escalate every open alert nobody has acknowledged in time, and reopen snoozed alerts whose snooze
 * has ended. Run periodically; the clock is injected, so tests move time instead of waiting.
 */
public final class EscalateAlerts {

    private static final System.Logger log = System.getLogger(EscalateAlerts.class.getName());

    /** How many open alerts one run looks at; the queue is expected to be far shorter. */
    static final int BATCH = 1_000;

    private final Alerts alerts;
    private final ChangeRecorder changes;
    private final EscalationPolicy policy;
    private final Clock clock;

    public EscalateAlerts(
            Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher, EscalationPolicy policy, Clock clock) {
        this.alerts = alerts;
        this.changes = new ChangeRecorder(alerts, auditTrail, publisher);
        this.policy = policy;
        this.clock = clock;
    }

    /** Escalates what is due now and returns the escalations made. */
    public List<AlertChanged> run() {
        var now = clock.instant();
        var escalated = new ArrayList<AlertChanged>();
        var due = new ArrayList<AlertEpisode>(alerts.list(AlertStatus.OPEN, null, BATCH));
        due.addAll(alerts.list(AlertStatus.SNOOZED, null, BATCH));
        for (AlertEpisode episode : due) {
            try {
                if (episode.escalate(policy, now) instanceof AlertEpisode.Decision.Changed changed) {
                    escalated.add(changes.record(changed.change()));
                }
            } catch (RuntimeException e) {
                skipped(episode, e);
            }
        }
        return escalated;
    }

    /** One alert that cannot be changed now (changed concurrently, store away) never holds up the others. */
    private static void skipped(AlertEpisode episode, RuntimeException e) {
        log.log(
                System.Logger.Level.WARNING,
                "Could not escalate alert {0} ({1}); tried again on the next run",
                episode.alertId(),
                e.getClass().getSimpleName());
    }
}
