package org.toxwatch.alerting.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;

/**
 * An integration that wants alert transitions POSTed to it, signed with its secret.
 *
 * @param transitions the transitions it wants; empty means all
 * @param priorities the priorities it wants; empty means all
 * @param active an inactive subscription receives nothing new; its delivery log stays
 * @param createdAt transitions from before the subscription are not sent to it
 */
public record WebhookSubscription(
        UUID id,
        String name,
        URI url,
        String secret,
        Set<AlertTransition> transitions,
        Set<AlertPriority> priorities,
        boolean active,
        Instant createdAt) {

    /** Shorter secrets are refused: HMAC-SHA256 is only as strong as its key. */
    public static final int SHORTEST_SECRET = 16;

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        transitions = Set.copyOf(transitions);
        priorities = Set.copyOf(priorities);
    }

    public boolean wants(AlertChanged change) {
        return active
                && !change.occurredAt().isBefore(createdAt)
                && (transitions.isEmpty() || transitions.contains(change.transition()))
                && (priorities.isEmpty() || priorities.contains(change.priority()));
    }

    public WebhookSubscription deactivated() {
        return new WebhookSubscription(id, name, url, secret, transitions, priorities, false, createdAt);
    }
}
