package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Use case: turn one assessment into an alert change. Assessments arrive at least once, so a redelivered
 * one is recognised by its event id and changes nothing; the transition it caused is published again, with its
 * original event id, from the audit trail. That is what makes a failed publish retryable (the listener retries
 * the assessment, which is already applied), and consumers de-duplicate on the event id, so notifications stay
 * one per state change.
 */
public final class RaiseAlerts {

    private final AlertPolicy policy;
    private final Alerts alerts;
    private final AlertEventPublisher publisher;
    private final ChangeRecorder changes;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public RaiseAlerts(
            AlertPolicy policy, Alerts alerts, AlertEventPublisher publisher, AuditTrail auditTrail, Clock clock) {
        this.policy = policy;
        this.alerts = alerts;
        this.publisher = publisher;
        this.changes = new ChangeRecorder(alerts, auditTrail, publisher);
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Returns the change made, or empty when the assessment needs no alert or was handled before. */
    public Optional<AlertChanged> on(ToxicityAssessed assessment) {
        Optional<AlertDecision> decision = policy.decide(assessment);
        Optional<AlertEpisode> open = alerts.findUnresolved(
                assessment.patientId(), assessment.criterion().family());
        AlertEpisode.Change change;
        if (open.isPresent()) {
            if (open.get().hasHandled(assessment.eventId())) {
                republish(open.get(), assessment);
                return Optional.empty();
            }
            change = open.get().apply(assessment, decision, clock.instant());
        } else if (!assessment.withdrawnEvidence().isEmpty() && republished(assessment)) {
            return Optional.empty();
        } else if (decision.isPresent()) {
            change = AlertEpisode.raise(assessment, decision.get(), UUID.randomUUID(), clock.instant());
        } else {
            return Optional.empty();
        }
        return Optional.of(changes.record(change));
    }

    /**
     * A correction that withdrew an episode resolved it, so a redelivery finds no open episode: it is recognised
     * on the resolved one, and the withdrawal published again.
     */
    private boolean republished(ToxicityAssessed assessment) {
        var handling = alerts.findHandling(
                assessment.patientId(), assessment.criterion().family(), assessment.eventId());
        handling.ifPresent(episode -> republish(episode, assessment));
        return handling.isPresent();
    }

    private void republish(AlertEpisode episode, ToxicityAssessed assessment) {
        auditTrail.of(episode.alertId()).stream()
                .filter(recorded -> assessment.eventId().equals(recorded.assessmentEventId()))
                .forEach(publisher::publish);
    }
}
