package org.toxwatch.alerting.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.alerting.domain.RetrySchedule;

/**
 * Webhook delivery settings.
 *
 * @param firstRetry the wait after the first failed attempt
 * @param retryMultiplier each further wait is this many times the last
 * @param longestRetry no wait is longer than this
 * @param attempts how many attempts before a delivery is given up
 * @param timeout how long one attempt may take (connect and answer)
 */
@ConfigurationProperties("toxwatch.alerting.webhooks")
public record WebhookProperties(
        @Nullable Duration firstRetry,
        @Nullable Double retryMultiplier,
        @Nullable Duration longestRetry,
        @Nullable Integer attempts,
        @Nullable Duration timeout) {

    public WebhookProperties {
        firstRetry = firstRetry == null ? RetrySchedule.DEFAULT.first() : firstRetry;
        retryMultiplier = retryMultiplier == null ? RetrySchedule.DEFAULT.multiplier() : retryMultiplier;
        longestRetry = longestRetry == null ? RetrySchedule.DEFAULT.longest() : longestRetry;
        attempts = attempts == null ? RetrySchedule.DEFAULT.attempts() : attempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetry, retryMultiplier, longestRetry, attempts);
    }
}
