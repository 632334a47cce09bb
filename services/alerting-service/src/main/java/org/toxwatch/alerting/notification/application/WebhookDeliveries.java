package org.toxwatch.alerting.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;

/** Port: the delivery log, which is also the queue of notifications still to send. */
public interface WebhookDeliveries {

    /** Adds the delivery unless one with its id exists; answers whether it was added. */
    boolean enqueue(WebhookDelivery delivery);

    /**
     * Takes up to {@code limit} pending deliveries due at {@code now}, each moved out of reach of other instances
     * for {@code lease} (one atomic update per delivery), so two instances never send the same attempt.
     */
    List<WebhookDelivery> claimDue(Instant now, Duration lease, int limit);

    /** Stores the outcome of an attempt; fails if someone else changed the delivery since it was claimed. */
    WebhookDelivery save(WebhookDelivery delivery);

    /** A subscription's deliveries, newest first. */
    List<WebhookDelivery> of(UUID subscriptionId, int limit);
}
