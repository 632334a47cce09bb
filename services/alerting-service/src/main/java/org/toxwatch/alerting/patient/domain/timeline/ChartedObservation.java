package org.toxwatch.alerting.patient.domain.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.ValueComparator;

/**
 * One observation as the observation log keeps it, in its analyte's canonical unit.
 *
 * @param eventId the ingest event it came in; with {@code code} it identifies the observation (a set of vital
 *     signs is one event)
 * @param value absent only for a cancelled result, which withdraws the result it names
 * @param comparator present for a censored result: the value is the bound ({@code <0.1})
 * @param referenceRange the laboratory's range, in {@code unit}
 * @param sourceObservationId the result across corrections and cancellations, where the sender identifies it
 */
public record ChartedObservation(
        UUID eventId,
        String patientId,
        ChartedAnalyte analyte,
        String code,
        @Nullable BigDecimal value,
        String unit,
        @Nullable ValueComparator comparator,
        @Nullable ReferenceRange referenceRange,
        Instant observedAt,
        Instant receivedAt,
        String sourceMessageId,
        @Nullable String sourceObservationId,
        ResultStatus status) {

    public ChartedObservation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(observedAt, "observedAt");
        if (value == null && status != ResultStatus.CANCELLED) {
            throw new IllegalArgumentException("only a cancelled result has no value");
        }
    }

    /** The log's key: an event and the code within it. */
    public String id() {
        return eventId + ":" + code;
    }

    public boolean cancelled() {
        return status == ResultStatus.CANCELLED;
    }
}
