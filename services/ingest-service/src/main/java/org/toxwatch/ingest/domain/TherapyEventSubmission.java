package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One therapy event as a hospital system submitted it, before validation. */
public record TherapyEventSubmission(
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
        @Nullable String sourceMessageId) {}
