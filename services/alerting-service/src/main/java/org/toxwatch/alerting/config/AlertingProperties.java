package org.toxwatch.alerting.config;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.alerting.domain.EscalationPolicy;

/**
 * Alerting settings.
 *
 * @param escalationHighDelay how long a high alert waits for an acknowledgement before the next tier is told
 * @param escalationMediumDelay the same for a medium alert
 * @param escalationTiers who is told, in order; the first tier gets the alert when it is raised
 * @param longestSnooze the longest a clinician may snooze an alert
 */
@ConfigurationProperties("toxwatch.alerting")
public record AlertingProperties(
        @Nullable Integer topicPartitions,
        @Nullable Duration escalationHighDelay,
        @Nullable Duration escalationMediumDelay,
        @Nullable List<String> escalationTiers,
        @Nullable Duration longestSnooze) {

    public AlertingProperties {
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        escalationHighDelay = escalationHighDelay == null ? EscalationPolicy.DEFAULT.highDelay() : escalationHighDelay;
        escalationMediumDelay =
                escalationMediumDelay == null ? EscalationPolicy.DEFAULT.mediumDelay() : escalationMediumDelay;
        escalationTiers = escalationTiers == null || escalationTiers.isEmpty()
                ? EscalationPolicy.DEFAULT.tiers()
                : List.copyOf(escalationTiers);
        longestSnooze = longestSnooze == null ? Duration.ofMinutes(60) : longestSnooze;
    }

    EscalationPolicy escalationPolicy() {
        return new EscalationPolicy(escalationHighDelay, escalationMediumDelay, escalationTiers);
    }
}
