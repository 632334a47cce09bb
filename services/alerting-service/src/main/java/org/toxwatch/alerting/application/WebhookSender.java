package org.toxwatch.alerting.application;

import java.time.Instant;
import org.toxwatch.alerting.domain.DeliveryAttempt;
import org.toxwatch.alerting.domain.WebhookDelivery;
import org.toxwatch.alerting.domain.WebhookSubscription;

/** Port: makes one signed delivery attempt and reports how it went; never throws for a receiver's failure. */
public interface WebhookSender {

    DeliveryAttempt send(WebhookSubscription subscription, WebhookDelivery delivery, Instant now);
}
