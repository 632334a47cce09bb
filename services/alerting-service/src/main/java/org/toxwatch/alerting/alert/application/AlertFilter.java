package org.toxwatch.alerting.alert.application;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;

/**
 * Which alerts a list shows: every condition given must hold. Ordered by priority, then most recently changed;
 * {@code page} counts from 0 in pages of {@code size}.
 */
public record AlertFilter(
        @Nullable AlertStatus status,
        @Nullable String patientId,
        @Nullable AlertPriority priority,
        @Nullable Criterion criterion,
        int page,
        int size) {

    public AlertFilter {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page from 0, size from 1");
        }
    }

    public static AlertFilter of(@Nullable AlertStatus status, @Nullable String patientId, int size) {
        return new AlertFilter(status, patientId, null, null, 0, size);
    }
}
