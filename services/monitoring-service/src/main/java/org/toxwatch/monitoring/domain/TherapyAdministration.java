package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;

/**
 * A dose, an infusion start or stop, or a CAR-T infusion within a {@link TherapyEpisode}.
 *
 * @param cycle treatment cycle number, from 1
 * @param cycleDay day of the cycle, from 1
 */
public record TherapyAdministration(
        String eventId,
        TherapyEventType type,
        Instant occurredAt,
        @Nullable String product,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay,
        @Nullable BigDecimal dose,
        @Nullable String doseUnit) {

    static TherapyAdministration of(TherapyEventRecorded event) {
        return new TherapyAdministration(
                event.eventId().toString(),
                event.type(),
                event.occurredAt(),
                event.product(),
                event.cycle(),
                event.cycleDay(),
                event.dose(),
                event.doseUnit());
    }

    /** CRITERIA.md 1.4 via the contract: without an enrolment, the first of these starts the episode. */
    boolean startsTherapy() {
        return type == TherapyEventType.DOSE_ADMINISTERED
                || type == TherapyEventType.INFUSION_STARTED
                || type == TherapyEventType.CAR_T_INFUSED;
    }
}
