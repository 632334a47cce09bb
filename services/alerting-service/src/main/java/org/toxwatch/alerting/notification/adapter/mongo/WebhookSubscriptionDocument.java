package org.toxwatch.alerting.notification.adapter.mongo;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;

/**
 * A webhook subscription as stored. The secret is needed to sign, so it is kept, sealed ({@link SecretSealer}); the
 * API never returns it. {@code secret} is the plain text of subscriptions stored before secrets were sealed: read
 * once, then sealed at start-up ({@link MongoWebhookSubscriptions#reseal()}), never written again.
 * {@code includeDemographics} is absent from subscriptions stored before it existed: they do not carry the patient.
 */
@Document("webhook_subscriptions")
record WebhookSubscriptionDocument(
        @Id String id,
        String name,
        String url,
        @Nullable String secret,
        @Nullable SealedSecret sealedSecret,
        List<AlertTransition> transitions,
        List<AlertPriority> priorities,
        boolean active,
        Instant createdAt,
        @Nullable Boolean includeDemographics) {

    static WebhookSubscriptionDocument from(WebhookSubscription subscription, SecretSealer sealer) {
        String id = subscription.id().toString();
        return new WebhookSubscriptionDocument(
                id,
                subscription.name(),
                subscription.url().toString(),
                null,
                sealer.seal(subscription.secret(), id),
                subscription.transitions().stream().sorted().toList(),
                subscription.priorities().stream().sorted().toList(),
                subscription.active(),
                subscription.createdAt(),
                subscription.includeDemographics());
    }

    WebhookSubscription toDomain(SecretSealer sealer) {
        return new WebhookSubscription(
                UUID.fromString(id),
                name,
                URI.create(url),
                secret(sealer),
                java.util.Set.copyOf(transitions),
                java.util.Set.copyOf(priorities),
                active,
                createdAt,
                Boolean.TRUE.equals(includeDemographics));
    }

    /** Whether the stored form is plain text or sealed with another key than the one that seals now. */
    boolean needsSealingWith(SecretSealer sealer) {
        return sealedSecret == null || !sealedSecret.keyId().equals(sealer.currentKeyId());
    }

    private String secret(SecretSealer sealer) {
        if (sealedSecret != null) {
            return sealer.open(sealedSecret, id);
        }
        if (secret != null) {
            return secret;
        }
        throw new IllegalStateException("webhook subscription " + id + " has no secret");
    }
}
