package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One set of vital signs taken at one time, in canonical units (CRITERIA.md 13.2). Any measurement may be
 * absent; absent means "not measured", never zero. Topic {@link Topics#VITAL_SIGNS}, key {@code patientId}.
 *
 * @param observedAt measurement time: the event time
 */
public record VitalSignsRecorded(
        UUID eventId,
        String patientId,
        Instant observedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        @Nullable BigDecimal temperatureCelsius,
        @Nullable BigDecimal heartRatePerMinute,
        @Nullable BigDecimal systolicMmHg,
        @Nullable BigDecimal diastolicMmHg,
        @Nullable BigDecimal meanArterialMmHg,
        @Nullable BigDecimal spo2Percent,
        @Nullable BigDecimal respiratoryRatePerMinute,
        @Nullable OxygenDevice oxygenDevice,
        @Nullable BigDecimal oxygenFlowLitresPerMinute,
        @Nullable BigDecimal weightKg,
        ResultStatus status)
        implements ClinicalRecord {

    public VitalSignsRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(status, "status");
    }
}
