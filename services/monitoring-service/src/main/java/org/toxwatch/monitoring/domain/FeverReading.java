package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A body temperature of at least 38.0 C, kept longer than other vital signs because CRS fever masking looks
 * back over the whole CRS window for an earlier fever (CRITERIA.md 4.1).
 */
public record FeverReading(String eventId, Instant observedAt, BigDecimal celsius, String sourceMessageId) {}
