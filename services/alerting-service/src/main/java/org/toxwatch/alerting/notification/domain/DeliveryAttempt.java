package org.toxwatch.alerting.notification.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try at delivering a notification.
 *
 * @param statusCode the receiver's HTTP status, absent when it could not be reached
 * @param failure why it failed, in words without patient data (e.g. "HTTP 503", "timed out")
 */
public record DeliveryAttempt(
        int number,
        Instant at,
        boolean delivered,
        @Nullable Integer statusCode,
        @Nullable String failure) {}
