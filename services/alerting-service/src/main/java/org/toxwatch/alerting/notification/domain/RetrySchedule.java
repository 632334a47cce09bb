package org.toxwatch.alerting.notification.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a failed notification again: after {@code first}, then each wait {@code multiplier} times the last,
 * never longer than {@code longest}; after {@code attempts} tries it is given up (and counted as a failure).
 * Exponential back-off, so a receiver that is down is not hammered and one that is back soon is reached soon.
 */
public record RetrySchedule(Duration first, double multiplier, Duration longest, int attempts) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), 3.0, Duration.ofHours(1), 8);

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || multiplier < 1.0 || attempts < 1) {
            throw new IllegalArgumentException(
                    "a retry schedule needs a positive first wait, a multiplier >= 1 and" + " at least one attempt");
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 = after the first try). */
    public Duration waitAfter(int failedAttempts) {
        double millis = first.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= longest.toMillis() ? longest : Duration.ofMillis((long) millis);
    }

    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= attempts;
    }
}
