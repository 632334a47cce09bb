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
        AlertEpisode saved = alerts.save(change.episode());
        auditTrail.record(change.event());
        publisher.send(change.event(), saved).await();
        return change.event();
    }

    /**
     * As {@link #record}, but the caller waits for the publication (with those of the rest of its batch) before it
     * counts the change as made.
     */
    Recorded recordSending(AlertEpisode.Change change) {
        AlertEpisode saved = alerts.save(change.episode());
        auditTrail.record(change.event());
        return new Recorded(saved, change.event(), publisher.send(change.event(), saved));
    }

    /** A change saved and audited, the episode as stored, and its publication on the way. */
    record Recorded(AlertEpisode episode, AlertChanged event, AlertEventPublisher.Sending sending) {}
}
