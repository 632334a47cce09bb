package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.OxygenDevice;

/** The oxygen delivery the latest vital-signs set (by event time) reported. */
public record OxygenSupport(
        String eventId,
        Instant observedAt,
        OxygenDevice device,
        @Nullable BigDecimal flowLitresPerMinute,
        String sourceMessageId) {}
