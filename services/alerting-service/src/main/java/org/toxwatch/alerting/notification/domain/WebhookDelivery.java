package org.toxwatch.alerting.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AlertChanged;

/**
 * One alert transition on its way to one subscription (over its {@code channel}: webhook or e-mail), with every attempt made. Its id is the subscription and
 * the transition's event id, so however often the transition is read there is one delivery, hence one
 * notification per alert state change (the receiver can de-duplicate retries on the same id).
 */
public record WebhookDelivery(
        String deliveryId,
        UUID subscriptionId,
        String channel,
        AlertChanged change,
        DeliveryStatus status,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        List<DeliveryAttempt> attempts,
        @Nullable Long version) {

    public WebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        attempts = List.copyOf(attempts);
    }

    public static WebhookDelivery of(WebhookSubscription subscription, AlertChanged change, Instant now) {
        return new WebhookDelivery(
                idOf(subscription.id(), change.eventId()),
                subscription.id(),
                subscription.channel(),
                change,
                DeliveryStatus.PENDING,
                now,
                now,
                null,
                List.of(),
                null);
    }

    public static String idOf(UUID subscriptionId, UUID eventId) {
        return subscriptionId + ":" + eventId;
    }

    /** The delivery after an attempt: delivered, due again after the back-off, or given up. */
    public WebhookDelivery after(DeliveryAttempt attempt, RetrySchedule retries) {
        var log = new ArrayList<>(attempts);
        log.add(attempt);
        if (attempt.delivered()) {
            return with(DeliveryStatus.DELIVERED, nextAttemptAt, attempt.at(), log);
        }
        if (retries.givesUpAfter(log.size())) {
            return with(DeliveryStatus.FAILED, nextAttemptAt, null, log);
        }
        return with(DeliveryStatus.PENDING, attempt.at().plus(retries.waitAfter(log.size())), null, log);
    }

    /** Its subscription was removed: nothing more will be tried. */
    public WebhookDelivery abandoned(Instant now) {
        var log = new ArrayList<>(attempts);
        log.add(new DeliveryAttempt(log.size() + 1, now, false, null, "subscription inactive"));
        return with(DeliveryStatus.FAILED, nextAttemptAt, null, log);
    }

    public int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    private WebhookDelivery with(
            DeliveryStatus newStatus, Instant next, @Nullable Instant delivered, List<DeliveryAttempt> log) {
        return new WebhookDelivery(
                deliveryId, subscriptionId, channel, change, newStatus, createdAt, next, delivered, log, version);
    }
}
