package org.toxwatch.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling of the local run's password logins (form and HTTP Basic), per account and per source
 * address.
 *
 * @param delayAfter from this many consecutive failures on, the next attempt must wait
 * @param firstDelay the first wait; it doubles with each further failure
 * @param longestDelay no wait short of a lock is longer
 * @param lockAfter this many failures lock the account (or address)
 * @param lockFor how long a lock lasts; failures older than this and no longer holding anything back are forgotten
 */
@ConfigurationProperties("toxwatch.security.login")
public record LoginThrottleProperties(
        @Nullable Integer delayAfter,
        @Nullable Duration firstDelay,
        @Nullable Duration longestDelay,
        @Nullable Integer lockAfter,
        @Nullable Duration lockFor) {

    public LoginThrottleProperties {
        delayAfter = delayAfter == null ? 5 : delayAfter;
        firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
        longestDelay = longestDelay == null ? Duration.ofMinutes(5) : longestDelay;
        lockAfter = lockAfter == null ? 20 : lockAfter;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        if (delayAfter < 1 || lockAfter < delayAfter) {
            throw new IllegalArgumentException("toxwatch.security.login: need 1 <= delay-after <= lock-after");
        }
    }
}
