package org.toxwatch.alerting.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.RetrySchedule;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.alerting.patient.domain.PatientFile;

/**
 * Use case: send the deliveries that are due, record each attempt in the delivery log and schedule the next try
 * with back-off, or give up after the last. Run periodically on the injected clock.
 */
public final class DeliverWebhooks {

    /** How long a claimed delivery is out of other instances' reach: longer than any one attempt takes. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final int BATCH = 100;

    private static final System.Logger log = System.getLogger(DeliverWebhooks.class.getName());

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final PatientFiles patients;
    private final RetrySchedule retries;
    private final Clock clock;

    public DeliverWebhooks(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            WebhookSender sender,
            PatientFiles patients,
            RetrySchedule retries,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.patients = patients;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * Attempts every due delivery once and returns them as they now stand. One delivery that cannot be sent or
     * recorded never holds up the others: an unexpected failure of the sender counts as a failed attempt (retried
     * on the schedule, then given up), and a delivery whose outcome cannot be stored is sent again once its lease
     * has expired.
     */
    public List<WebhookDelivery> run() {
        var attempted = new ArrayList<WebhookDelivery>();
        for (WebhookDelivery due : deliveries.claimDue(clock.instant(), LEASE, BATCH)) {
            WebhookDelivery outcome = attempt(due);
            try {
                attempted.add(deliveries.save(outcome));
            } catch (RuntimeException e) {
                log.log(
                        System.Logger.Level.WARNING,
                        "Could not record the attempt of delivery {0} ({1}); it is tried again after its lease",
                        due.deliveryId(),
                        e.getClass().getSimpleName());
            }
        }
        return attempted;
    }

    private WebhookDelivery attempt(WebhookDelivery due) {
        var subscription = subscriptions.find(due.subscriptionId()).filter(s -> s.active());
        if (subscription.isEmpty()) {
            return due.abandoned(clock.instant());
        }
        DeliveryAttempt attempt;
        try {
            attempt = sender.send(subscription.get(), due, patientFor(subscription.get(), due), clock.instant());
        } catch (RuntimeException e) {
            // The exception's message may quote the alert; the attempt log keeps only what kind of failure it was.
            attempt = new DeliveryAttempt(
                    due.nextAttemptNumber(),
                    clock.instant(),
                    false,
                    null,
                    "internal error: " + e.getClass().getSimpleName());
        }
        return due.after(attempt, retries);
    }

    /** Minimum necessary: the patient's details are looked up only for a subscription that asked for them. */
    private @Nullable PatientDetails patientFor(WebhookSubscription subscription, WebhookDelivery delivery) {
        if (!subscription.carriesDemographics()) {
            return null;
        }
        return patients.find(delivery.change().patientId())
                .map(PatientFile::details)
                .orElse(null);
    }
}
