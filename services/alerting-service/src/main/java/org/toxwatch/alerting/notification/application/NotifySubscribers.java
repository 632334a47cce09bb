package org.toxwatch.alerting.notification.application;

import java.time.Clock;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.model.AlertChanged;

/**
 * Use case: queue one delivery per interested subscription for an alert transition. Transitions are read at
 * least once; the delivery id (subscription + event id) makes a second reading add nothing.
 */
public final class NotifySubscribers {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public NotifySubscribers(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Returns how many deliveries were queued for this transition now (0 when it was seen before). */
    public int on(AlertChanged change) {
        int queued = 0;
        for (WebhookSubscription subscription : subscriptions.active()) {
            if (subscription.wants(change)
                    && deliveries.enqueue(WebhookDelivery.of(subscription, change, clock.instant()))) {
                queued++;
            }
        }
        return queued;
    }
}
