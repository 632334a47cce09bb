package org.toxwatch.alerting.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.toxwatch.alerting.domain.RetrySchedule;
import org.toxwatch.alerting.domain.WebhookDelivery;

/**
 * Use case: send the deliveries that are due, record each attempt in the delivery log and schedule the next try
 * with back-off, or give up after the last. Run periodically on the injected clock.
 */
public final class DeliverWebhooks {

    /** How long a claimed delivery is out of other instances' reach: longer than any one attempt takes. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final int BATCH = 100;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final Clock clock;

    public DeliverWebhooks(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            WebhookSender sender,
            RetrySchedule retries,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.retries = retries;
        this.clock = clock;
    }

    /** Attempts every due delivery once and returns them as they now stand. */
    public List<WebhookDelivery> run() {
        var attempted = new ArrayList<WebhookDelivery>();
        for (WebhookDelivery due : deliveries.claimDue(clock.instant(), LEASE, BATCH)) {
            var subscription = subscriptions.find(due.subscriptionId()).filter(s -> s.active());
            WebhookDelivery outcome = subscription.isPresent()
                    ? due.after(sender.send(subscription.get(), due, clock.instant()), retries)
                    : due.abandoned(clock.instant());
            attempted.add(deliveries.save(outcome));
        }
        return attempted;
    }
}
