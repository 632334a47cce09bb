package org.toxwatch.alerting.notification.config;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.notification.application.WebhookSender;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.domain.PatientDetails;

/** Hands each delivery to the sender of its subscription's channel: HTTP for webhooks, Spring Mail for e-mail. */
final class ChannelSenders implements WebhookSender {

    private final WebhookSender webhook;
    private final @Nullable WebhookSender email;

    ChannelSenders(WebhookSender webhook, @Nullable WebhookSender email) {
        this.webhook = webhook;
        this.email = email;
    }

    @Override
    public DeliveryAttempt send(
            WebhookSubscription subscription, WebhookDelivery delivery, @Nullable PatientDetails patient, Instant now) {
        if (!subscription.channel().equals(WebhookSubscription.EMAIL)) {
            return webhook.send(subscription, delivery, patient, now);
        }
        if (email == null) {
            return new DeliveryAttempt(
                    delivery.nextAttemptNumber(), now, false, null, "e-mail is not configured (spring.mail.host)");
        }
        // E-mail never names the patient beyond what MailNotificationSender's own setting allows.
        return email.send(subscription, delivery, null, now);
    }
}
