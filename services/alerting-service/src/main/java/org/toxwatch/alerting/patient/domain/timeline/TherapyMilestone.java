package org.toxwatch.alerting.patient.domain.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/** A therapy event the timeline marks: an enrolment, a dose, an infusion start or stop, a CAR-T infusion. */
public record TherapyMilestone(
        UUID eventId,
        String patientId,
        Instant occurredAt,
        TherapyEventType type,
        Therapy therapy,
        @Nullable String product,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay) {

    public TherapyMilestone {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(therapy, "therapy");
    }

    boolean administration() {
        return type == TherapyEventType.DOSE_ADMINISTERED
                || type == TherapyEventType.INFUSION_STARTED
                || type == TherapyEventType.CAR_T_INFUSED;
    }
}
