package org.toxwatch.alerting.alert.application;

import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;

/**
 * The one way an alert change takes effect, whoever made it (an assessment, a clinician, the escalation or
 * recovery clock): the episode is saved, the transition audited, then published.
 */
final class ChangeRecorder {

    private final Alerts alerts;
    private final AuditTrail auditTrail;
    private final AlertEventPublisher publisher;

    ChangeRecorder(Alerts alerts, AuditTrail auditTrail, AlertEventPublisher publisher) {
        this.alerts = alerts;
        this.auditTrail = auditTrail;
        this.publisher = publisher;
    }

    AlertChanged record(AlertEpisode.Change change) {
        alerts.save(change.episode());
        auditTrail.record(change.event());
        publisher.publish(change.event());
        return change.event();
    }
}
