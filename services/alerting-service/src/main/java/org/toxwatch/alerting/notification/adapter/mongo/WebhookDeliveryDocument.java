package org.toxwatch.alerting.notification.adapter.mongo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.model.AlertChanged;

/** One delivery and its attempts; the id (subscription + event id) makes queueing it twice impossible. */
@Document("webhook_deliveries")
record WebhookDeliveryDocument(
        @Id String id,
        String subscriptionId,
        @Nullable String channel,
        AlertChanged change,
        DeliveryStatus status,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        List<DeliveryAttempt> attempts,
        @Version @Nullable Long version) {

    static WebhookDeliveryDocument from(WebhookDelivery delivery) {
        return new WebhookDeliveryDocument(
                delivery.deliveryId(),
                delivery.subscriptionId().toString(),
                delivery.channel(),
                delivery.change(),
                delivery.status(),
                delivery.createdAt(),
                delivery.nextAttemptAt(),
                delivery.deliveredAt(),
                delivery.attempts(),
                delivery.version());
    }

    WebhookDelivery toDomain() {
        return new WebhookDelivery(
                id,
                UUID.fromString(subscriptionId),
                channel == null ? WebhookSubscription.WEBHOOK : channel,
                change,
                status,
                createdAt,
                nextAttemptAt,
                deliveredAt,
                attempts,
                version);
    }
}
