package org.toxwatch.ingest.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ObservationSubmission;

/**
 * The JSON body of one observation, e.g. {@code {"patientId":"MRN-0001","loinc":"751-8","value":0.4,
 * "unit":"10*9/L","effectiveTime":"2026-11-20T08:00:00Z","referenceRange":{"low":1.8,"high":7.7},
 * "sourceMessageId":"lab-42"}}.
 */
record ObservationRequest(
        @Nullable String patientId,
        @Nullable String loinc,
        @Nullable BigDecimal value,
        @Nullable String valueCode,
        @Nullable String unit,
        @Nullable Instant effectiveTime,
        @Nullable Range referenceRange,
        @Nullable String status,
        @Nullable String sourceMessageId,
        @Nullable String sourceObservationId,
        @Nullable String localCode) {

    record Range(@Nullable BigDecimal low, @Nullable BigDecimal high) {}

    ObservationSubmission toSubmission() {
        return new ObservationSubmission(
                patientId,
                loinc,
                value,
                valueCode,
                unit,
                effectiveTime,
                referenceRange == null ? null : referenceRange.low(),
                referenceRange == null ? null : referenceRange.high(),
                status,
                sourceMessageId,
                sourceObservationId,
                localCode);
    }
}
