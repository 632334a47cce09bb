package org.toxwatch.alerting.patient.adapter.mongo;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/** One therapy event for the timeline, keyed by its event id so a redelivery overwrites it with itself. */
@Document("therapy_events")
record TherapyMilestoneDocument(
        @Id UUID eventId,
        String patientId,
        Instant occurredAt,
        TherapyEventType type,
        Therapy therapy,
        @Nullable String product,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay) {

    static TherapyMilestoneDocument from(TherapyMilestone milestone) {
        return new TherapyMilestoneDocument(
                milestone.eventId(),
                milestone.patientId(),
                milestone.occurredAt(),
                milestone.type(),
                milestone.therapy(),
                milestone.product(),
                milestone.cycle(),
                milestone.cycleDay());
    }

    TherapyMilestone toDomain() {
        return new TherapyMilestone(eventId, patientId, occurredAt, type, therapy, product, cycle, cycleDay);
    }
}
