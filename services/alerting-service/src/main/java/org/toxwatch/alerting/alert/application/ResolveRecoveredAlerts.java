package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.RecoveryPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;

/**
 * Use case: find the unresolved episodes whose toxicity has stayed at grade 0 long enough, and propose or make
 * their resolution as the policy says. Run periodically on the injected clock; each change is stored, audited
 * and published like any other transition.
 */
public final class ResolveRecoveredAlerts {

    private static final System.Logger log = System.getLogger(ResolveRecoveredAlerts.class.getName());

    private static final List<AlertStatus> UNRESOLVED =
            List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.SNOOZED);

    private final Alerts alerts;
    private final ChangeRecorder changes;
    private final RecoveryPolicy policy;
    private final Clock clock;

    public ResolveRecoveredAlerts(
            Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher, RecoveryPolicy policy, Clock clock) {
        this.alerts = alerts;
        this.changes = new ChangeRecorder(alerts, auditTrail, publisher);
        this.policy = policy;
        this.clock = clock;
    }

    /** Proposes or resolves what is due now and returns the changes made. */
    public List<AlertChanged> run() {
        var now = clock.instant();
        var made = new ArrayList<AlertChanged>();
        for (AlertStatus status : UNRESOLVED) {
            for (AlertEpisode episode : alerts.list(status, null, EscalateAlerts.BATCH)) {
                try {
                    if (episode.recover(policy, now) instanceof AlertEpisode.Decision.Changed changed) {
                        made.add(changes.record(changed.change()));
                    }
                } catch (RuntimeException e) {
                    skipped(episode, e);
                }
            }
        }
        return made;
    }

    /** One alert that cannot be changed now (changed concurrently, store away) never holds up the others. */
    private static void skipped(AlertEpisode episode, RuntimeException e) {
        log.log(
                System.Logger.Level.WARNING,
                "Could not resolve alert {0} ({1}); tried again on the next run",
                episode.alertId(),
                e.getClass().getSimpleName());
    }
}
