package org.toxwatch.alerting.adapter.mongo;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.domain.WebhookSubscription;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;

/**
 * A webhook subscription as stored. The secret is needed to sign, so it is kept; the API never returns it.
 * {@code includeDemographics} is absent from subscriptions stored before it existed: they do not carry the patient.
 */
@Document("webhook_subscriptions")
record WebhookSubscriptionDocument(
        @Id String id,
        String name,
        String url,
        String secret,
        List<AlertTransition> transitions,
        List<AlertPriority> priorities,
        boolean active,
        Instant createdAt,
        @Nullable Boolean includeDemographics) {

    static WebhookSubscriptionDocument from(WebhookSubscription subscription) {
        return new WebhookSubscriptionDocument(
                subscription.id().toString(),
                subscription.name(),
                subscription.url().toString(),
                subscription.secret(),
                subscription.transitions().stream().sorted().toList(),
                subscription.priorities().stream().sorted().toList(),
                subscription.active(),
                subscription.createdAt(),
                subscription.includeDemographics());
    }

    WebhookSubscription toDomain() {
        return new WebhookSubscription(
                UUID.fromString(id),
                name,
                URI.create(url),
                secret,
                java.util.Set.copyOf(transitions),
                java.util.Set.copyOf(priorities),
                active,
                createdAt,
                Boolean.TRUE.equals(includeDemographics));
    }
}
