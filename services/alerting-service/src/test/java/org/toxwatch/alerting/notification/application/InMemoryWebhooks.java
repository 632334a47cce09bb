package org.toxwatch.alerting.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/** Subscriptions and the delivery log as maps, for use-case tests that never see MongoDB. */
public final class InMemoryWebhooks implements WebhookSubscriptions, WebhookDeliveries {

    private final Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();

    @Override
    public WebhookSubscription save(WebhookSubscription subscription) {
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    @Override
    public Optional<WebhookSubscription> find(UUID id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public List<WebhookSubscription> all() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public boolean enqueue(WebhookDelivery delivery) {
        return deliveries.putIfAbsent(delivery.deliveryId(), delivery) == null;
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Duration lease, int limit) {
        var due = deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING
                        && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
                .limit(limit)
                .toList();
        var claimed = new ArrayList<WebhookDelivery>();
        for (WebhookDelivery d : due) {
            var leased = new WebhookDelivery(
                    d.deliveryId(),
                    d.subscriptionId(),
                    d.channel(),
                    d.change(),
                    d.status(),
                    d.createdAt(),
                    now.plus(lease),
                    d.deliveredAt(),
                    d.attempts(),
                    d.version());
            deliveries.put(d.deliveryId(), leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public WebhookDelivery save(WebhookDelivery delivery) {
        deliveries.put(delivery.deliveryId(), delivery);
        return delivery;
    }

    @Override
    public List<WebhookDelivery> of(UUID subscriptionId, int limit) {
        return deliveries.values().stream()
                .filter(d -> d.subscriptionId().equals(subscriptionId))
                .limit(limit)
                .toList();
    }
}
