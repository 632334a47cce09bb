package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One observation an assessment used, as it was reported and, where converted, in the canonical unit.
 *
 * @param code LOINC code, or a ToxWatch code for a non-lab input (e.g. {@code temperature})
 */
public record Evidence(
        UUID eventId,
        String code,
        String display,
        @Nullable BigDecimal value,
        @Nullable String unit,
        @Nullable BigDecimal canonicalValue,
        @Nullable String canonicalUnit,
        @Nullable ReferenceRange referenceRange,
        Instant observedAt,
        String sourceMessageId) {}
