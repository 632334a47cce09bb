package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.List;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;

/**
 * Use case: escalate every open alert nobody has acknowledged in time, and reopen snoozed alerts whose snooze
 * has ended. Run periodically; the clock is injected, so tests move time instead of waiting.
 */
public final class EscalateAlerts {

    private static final List<AlertStatus> DUE = List.of(AlertStatus.OPEN, AlertStatus.SNOOZED);

    private final AlertSweep sweep;
    private final EscalationPolicy policy;
    private final Clock clock;

    public EscalateAlerts(
            Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher, EscalationPolicy policy, Clock clock) {
        this.sweep = new AlertSweep(alerts, new ChangeRecorder(alerts, auditTrail, publisher), "escalate");
        this.policy = policy;
        this.clock = clock;
    }

    /** Escalates what is due now and returns the escalations made. */
    public List<AlertChanged> run() {
        var now = clock.instant();
        return sweep.over(DUE, episode -> episode.escalate(policy, now));
    }
}
