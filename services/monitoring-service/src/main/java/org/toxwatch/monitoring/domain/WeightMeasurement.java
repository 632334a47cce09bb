package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A body weight in kg (LOINC 29463-7).
 *
 * @param sourceMessageId absent in states stored before it was kept
 */
public record WeightMeasurement(
        String eventId,
        Instant observedAt,
        BigDecimal kg,
        @Nullable String sourceMessageId) {}
