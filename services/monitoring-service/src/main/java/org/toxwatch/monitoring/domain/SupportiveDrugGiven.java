package org.toxwatch.monitoring.domain;

import java.time.Instant;
import org.toxwatch.model.SupportiveDrug;

/** A supportive drug given (tocilizumab, a steroid, an antipyretic, ...), kept for CRS fever masking (4.1). */
public record SupportiveDrugGiven(String eventId, SupportiveDrug drug, Instant givenAt, String sourceMessageId) {}
