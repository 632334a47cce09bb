package org.toxwatch.alerting.alert.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.toxwatch.model.AlertPriority;

/**
 * Who is told next when nobody acknowledges, and after how long. A high alert climbs the tiers (care team,
 * on-call, attending) every {@code highDelay} until acknowledged, then repeats at the last tier; a medium one
 * does the same after {@code mediumDelay}. Low alerts wait in the queue and never escalate.
 *
 * @param tiers the tiers in order; the first is notified when the alert is raised
 */
public record EscalationPolicy(Duration highDelay, Duration mediumDelay, List<String> tiers) {

    public static final EscalationPolicy DEFAULT = new EscalationPolicy(
            Duration.ofMinutes(10), Duration.ofMinutes(30), List.of("care team", "on-call physician", "attending"));

    public EscalationPolicy {
        Objects.requireNonNull(highDelay, "highDelay");
        Objects.requireNonNull(mediumDelay, "mediumDelay");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one tier is needed");
        }
        if (highDelay.isNegative() || highDelay.isZero() || mediumDelay.isNegative() || mediumDelay.isZero()) {
            throw new IllegalArgumentException("escalation delays must be positive");
        }
    }

    Optional<Duration> delayFor(AlertPriority priority) {
        return switch (priority) {
            case HIGH -> Optional.of(highDelay);
            case MEDIUM -> Optional.of(mediumDelay);
            case LOW -> Optional.empty();
        };
    }

    int nextTier(int current) {
        return Math.min(current + 1, tiers.size() - 1);
    }

    String tierName(int tier) {
        return tiers.get(tier);
    }
}
