package org.toxwatch.alerting.notification.config;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.alerting.notification.domain.RetrySchedule;

/**
 * Webhook delivery settings.
 *
 * @param firstRetry the wait after the first failed attempt
 * @param retryMultiplier each further wait is this many times the last
 * @param longestRetry no wait is longer than this
 * @param attempts how many attempts before a delivery is given up
 * @param timeout how long one attempt may take (connect and answer)
 * @param allowPlainHttp whether {@code http://} targets are allowed; only for the local run, everywhere else webhooks
 *     must be {@code https://}
 * @param allowedHosts host names an operator allows although they resolve to internal addresses (loopback,
 *     private, link-local, ...); empty by default, so no webhook reaches into the network ToxWatch runs in
 */
@ConfigurationProperties("toxwatch.alerting.webhooks")
public record WebhookProperties(
        @Nullable Duration firstRetry,
        @Nullable Double retryMultiplier,
        @Nullable Duration longestRetry,
        @Nullable Integer attempts,
        @Nullable Duration timeout,
        @Nullable Boolean allowPlainHttp,
        @Nullable Set<String> allowedHosts) {

    public WebhookProperties {
        firstRetry = firstRetry == null ? RetrySchedule.DEFAULT.first() : firstRetry;
        retryMultiplier = retryMultiplier == null ? RetrySchedule.DEFAULT.multiplier() : retryMultiplier;
        longestRetry = longestRetry == null ? RetrySchedule.DEFAULT.longest() : longestRetry;
        attempts = attempts == null ? RetrySchedule.DEFAULT.attempts() : attempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        allowPlainHttp = allowPlainHttp != null && allowPlainHttp;
        allowedHosts = allowedHosts == null
                ? Set.of()
                : allowedHosts.stream().filter(host -> !host.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetry, retryMultiplier, longestRetry, attempts);
    }
}
