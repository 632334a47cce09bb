package org.toxwatch.alerting.notification.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.domain.PatientDetails;

/** Port: makes one signed delivery attempt and reports how it went; never throws for a receiver's failure. */
public interface WebhookSender {

    /**
     * @param patient who the patient is, given only when the subscription asked for it
     *     ({@link WebhookSubscription#carriesDemographics()}); otherwise null and nothing about the patient but the
     *     id in the alert is sent
     */
    DeliveryAttempt send(
            WebhookSubscription subscription, WebhookDelivery delivery, @Nullable PatientDetails patient, Instant now);
}
