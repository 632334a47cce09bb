package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dose of an immunotherapy that is ordered but not given yet, so that the pre-dose decision can be made for
 * it (the first dose of cycle 1 included). A separate record and topic, not a therapy-event type, so that no
 * consumer of {@link TherapyEventRecorded} can mistake a plan for an administration. Topic
 * {@link Topics#DOSE_PLANS}, key {@code patientId}.
 *
 * @param orderedAt when the dose was ordered or the plan last changed: the event time
 * @param plannedFor when the dose is to be given
 * @param cycle treatment cycle number, from 1
 * @param cycleDay day of the cycle, from 1 (inotuzumab doses on days 1, 8 and 15)
 * @param sourcePlanId identifies the plan across updates and cancellation (order number, MedicationRequest id)
 * @param cancelled the plan is withdrawn
 */
public record DosePlanned(
        UUID eventId,
        String patientId,
        Instant orderedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        Therapy therapy,
        @Nullable String product,
        Instant plannedFor,
        int cycle,
        int cycleDay,
        @Nullable BigDecimal dose,
        @Nullable String doseUnit,
        @Nullable String sourcePlanId,
        boolean cancelled)
        implements ClinicalRecord {

    public DosePlanned {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(orderedAt, "orderedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(therapy, "therapy");
        Objects.requireNonNull(plannedFor, "plannedFor");
        if (cycle < 1 || cycleDay < 1) {
            throw new IllegalArgumentException("cycle and cycle day count from 1");
        }
    }
}
