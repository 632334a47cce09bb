package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A planned dose of an immunotherapy as a hospital system submitted it, before validation.
 *
 * @param orderedAt when the dose was ordered or its plan last changed
 * @param plannedFor when the dose is to be given
 * @param sourcePlanId the sender's id of the plan, stable across its updates and its cancellation
 * @param cancelled true withdraws the plan; absent means an active plan
 */
public record DosePlanSubmission(
        @Nullable String patientId,
        @Nullable String therapy,
        @Nullable String product,
        @Nullable Instant orderedAt,
        @Nullable Instant plannedFor,
        @Nullable Integer cycle,
        @Nullable Integer cycleDay,
        @Nullable BigDecimal dose,
        @Nullable String doseUnit,
        @Nullable String sourcePlanId,
        @Nullable Boolean cancelled,
        @Nullable String sourceMessageId) {}
