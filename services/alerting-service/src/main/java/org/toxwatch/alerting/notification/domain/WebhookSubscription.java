package org.toxwatch.alerting.notification.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;

/**
 * An integration or a team that wants alert transitions: an {@code http(s)} URL gets them POSTed as signed JSON
 * (a webhook), a {@code mailto:} address gets a minimum-necessary e-mail.
 *
 * @param transitions the transitions it wants; empty means all
 * @param priorities the priorities it wants; empty means all
 * @param active an inactive subscription receives nothing new; its delivery log stays
 * @param createdAt transitions from before the subscription are not sent to it
 * @param includeDemographics webhooks to it carry the patient's name, birth date, sex, identifiers and location;
 *     off unless the subscription asks (minimum necessary), and never for e-mail
 */
public record WebhookSubscription(
        UUID id,
        String name,
        URI url,
        String secret,
        Set<AlertTransition> transitions,
        Set<AlertPriority> priorities,
        boolean active,
        Instant createdAt,
        boolean includeDemographics) {

    /** Shorter secrets are refused: HMAC-SHA256 is only as strong as its key. */
    public static final int SHORTEST_SECRET = 16;

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        transitions = Set.copyOf(transitions);
        priorities = Set.copyOf(priorities);
    }

    /** The channel the address names: {@code webhook} or {@code email}; a bounded metric tag. */
    public String channel() {
        return "mailto".equalsIgnoreCase(url.getScheme()) ? EMAIL : WEBHOOK;
    }

    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";

    public boolean wants(AlertChanged change) {
        return active
                && !change.occurredAt().isBefore(createdAt)
                && (transitions.isEmpty() || transitions.contains(change.transition()))
                && (priorities.isEmpty() || priorities.contains(change.priority()));
    }

    public WebhookSubscription deactivated() {
        return new WebhookSubscription(
                id, name, url, secret, transitions, priorities, false, createdAt, includeDemographics);
    }

    /** What an audit of a change keeps of it: every setting an operator sees, never the secret. */
    public Map<String, String> auditedSettings() {
        return Map.of(
                "name", String.valueOf(name),
                "url", url.toString(),
                "transitions",
                        transitions.stream().map(Enum::name).sorted().toList().toString(),
                "priorities",
                        priorities.stream().map(Enum::name).sorted().toList().toString(),
                "active", String.valueOf(active),
                "includeDemographics", String.valueOf(includeDemographics));
    }

    /** Whether a delivery to it is to carry who the patient is: webhooks that asked for it, never e-mail. */
    public boolean carriesDemographics() {
        return includeDemographics && channel().equals(WEBHOOK);
    }
}
