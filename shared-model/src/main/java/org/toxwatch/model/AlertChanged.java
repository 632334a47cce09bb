package org.toxwatch.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert episode was raised or changed. Every transition is one event, so the topic is the audit
 * trail as well as the notification feed. Topic {@link Topics#ALERT_EVENTS}, key {@code patientId}.
 *
 * @param occurredAt when the transition happened
 * @param actor who caused it: a user name, or {@code toxwatch} for the system
 * @param assessmentEventId the assessment that caused it, for RAISED, ESCALATED_GRADE and UPDATED
 * @param sourceSystem the service that recorded the transition ({@code alerting})
 * @param sourceMessageId what caused it: the assessment's event id, or the id of the clinician's request
 * @param drivenByCriterion the criterion of the assessment that gave the alert its priority, which can differ from
 *     {@code criterion} (the latest assessment's): a platelet grade 3 after the neutrophil grade 4 that made a
 *     cytopenia alert high; absent in events recorded before it was kept
 * @param drivenByGrade that assessment's grade; absent with it
 */
public record AlertChanged(
        UUID eventId,
        UUID alertId,
        String patientId,
        Instant occurredAt,
        AlertTransition transition,
        AlertStatus status,
        AlertPriority priority,
        Criterion criterion,
        ToxicityFamily family,
        @Nullable Integer grade,
        String actor,
        @Nullable String reason,
        @Nullable UUID assessmentEventId,
        String sourceSystem,
        String sourceMessageId,
        @Nullable Criterion drivenByCriterion,
        @Nullable Integer drivenByGrade) {

    public AlertChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
    }
}
