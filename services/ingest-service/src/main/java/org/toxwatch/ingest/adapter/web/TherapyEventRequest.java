package org.toxwatch.ingest.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.TherapyEventSubmission;

/**
 * The JSON body of one therapy event, e.g. {@code {"patientId":"MRN-0002","type":"SUPPORTIVE_DRUG_GIVEN",
 * "supportiveDrug":"TOCILIZUMAB","occurredAt":"2026-11-20T08:00:00Z","sourceMessageId":"mar-7"}}.
 */
record TherapyEventRequest(
        @Nullable String patientId,
        @Nullable String type,
        @Nullable Instant occurredAt,
        @Nullable String therapy,
        @Nullable String product,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay,
        @Nullable BigDecimal dose,
        @Nullable String doseUnit,
        @Nullable String supportiveDrug,
        @Nullable Integer vasopressorCount,
        @Nullable Boolean vasopressin,
        @Nullable String sourceMessageId) {

    TherapyEventSubmission toSubmission() {
        return new TherapyEventSubmission(
                patientId,
                type,
                occurredAt,
                therapy,
                product,
                cycle,
                cycleDay,
                dose,
                doseUnit,
                supportiveDrug,
                vasopressorCount,
                vasopressin,
                sourceMessageId);
    }
}
