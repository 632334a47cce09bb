package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.List;
import org.toxwatch.alerting.alert.domain.RecoveryPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;

/**
 * Use case: find the unresolved episodes whose toxicity has stayed at grade 0 long enough, and propose or make
 * their resolution as the policy says. Run periodically on the injected clock; each change is stored, audited
 * and published like any other transition.
 */
public final class ResolveRecoveredAlerts {

    private static final List<AlertStatus> UNRESOLVED =
            List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.SNOOZED);

    private final AlertSweep sweep;
    private final RecoveryPolicy policy;
    private final Clock clock;

    public ResolveRecoveredAlerts(
            Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher, RecoveryPolicy policy, Clock clock) {
        this.sweep = new AlertSweep(alerts, new ChangeRecorder(alerts, auditTrail, publisher), "resolve");
        this.policy = policy;
        this.clock = clock;
    }

    /** Proposes or resolves what is due now and returns the changes made. */
    public List<AlertChanged> run() {
        var now = clock.instant();
        return sweep.over(UNRESOLVED, episode -> episode.recover(policy, now));
    }
}
