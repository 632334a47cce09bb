package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A body weight in kg (LOINC 29463-7). */
public record WeightMeasurement(String eventId, Instant observedAt, BigDecimal kg) {}
