package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A therapy event: enrolment, a dose, an infusion start or stop, a CAR-T infusion or a supportive drug.
 * One record type with a {@link TherapyEventType} keeps one event type per topic. Topic
 * {@link Topics#THERAPY_EVENTS}, key {@code patientId}.
 *
 * @param occurredAt when it happened (administration time): the event time
 * @param therapy the immunotherapy concerned; absent for supportive drugs
 * @param product brand or product name, e.g. {@code KYMRIAH}
 * @param cycle treatment cycle number, from 1
 * @param cycleDay day of the cycle, from 1 (inotuzumab doses on days 1, 8 and 15)
 * @param vasopressorCount distinct vasopressor agents now running, not counting vasopressin
 * @param vasopressin whether vasopressin is running
 */
public record TherapyEventRecorded(
        UUID eventId,
        String patientId,
        Instant occurredAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        TherapyEventType type,
        @Nullable Therapy therapy,
        @Nullable String product,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay,
        @Nullable BigDecimal dose,
        @Nullable String doseUnit,
        @Nullable SupportiveDrug supportiveDrug,
        @Nullable Integer vasopressorCount,
        @Nullable Boolean vasopressin)
        implements ClinicalRecord {

    public TherapyEventRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(type, "type");
        if (type == TherapyEventType.SUPPORTIVE_DRUG_GIVEN && supportiveDrug == null) {
            throw new IllegalArgumentException("a supportive-drug event needs the drug");
        }
        if (type != TherapyEventType.SUPPORTIVE_DRUG_GIVEN && therapy == null) {
            throw new IllegalArgumentException("a " + type + " event needs the therapy");
        }
    }
}
