package org.toxwatch.alerting.notification.adapter.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.toxwatch.alerting.notification.application.WebhookSender;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.Criterion;

/**
 * Sends a delivery to a {@code mailto:} subscription through Spring Mail. Minimum necessary: e-mail is often read
 * on lock screens and forwarded, so by default neither subject nor body names the patient; they say how urgent,
 * what changed and where to look (the console, behind a sign-in). With {@code patientDetails} on, the patient id
 * is added to both. Names, birth dates and identifiers other than that id are never put in an e-mail: the
 * {@code patient} a subscription may ask for is for webhooks only, and is ignored here.
 */
public final class MailNotificationSender implements WebhookSender {

    private final JavaMailSender mail;
    private final String from;
    private final String consoleUrl;
    private final boolean patientDetails;

    public MailNotificationSender(JavaMailSender mail, String from, String consoleUrl, boolean patientDetails) {
        this.mail = mail;
        this.from = from;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
        this.patientDetails = patientDetails;
    }

    @Override
    public DeliveryAttempt send(
            WebhookSubscription subscription, WebhookDelivery delivery, @Nullable PatientDetails patient, Instant now) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(subscription.url().getSchemeSpecificPart());
        message.setSubject(subject(delivery.change()));
        message.setText(body(delivery));
        try {
            mail.send(message);
            return new DeliveryAttempt(delivery.nextAttemptNumber(), now, true, null, null);
        } catch (MailException e) {
            return new DeliveryAttempt(
                    delivery.nextAttemptNumber(),
                    now,
                    false,
                    null,
                    "mail: " + e.getClass().getSimpleName());
        }
    }

    String subject(AlertChanged change) {
        String subject = "[ToxWatch] " + words(change.priority().name()) + " priority alert " + verb(change);
        return patientDetails ? subject + " - patient " + change.patientId() : subject;
    }

    String body(WebhookDelivery delivery) {
        var change = delivery.change();
        var text = new StringBuilder()
                .append("A ")
                .append(words(change.priority().name()))
                .append(" priority ToxWatch alert ")
                .append(verb(change))
                .append(".\n\n");
        if (patientDetails) {
            text.append("Patient: ").append(change.patientId()).append('\n');
        }
        // What the priority rests on comes first; the latest assessment follows when it is another.
        Criterion driver = change.drivenByCriterion();
        if (driver != null
                && (driver != change.criterion() || !Objects.equals(change.drivenByGrade(), change.grade()))) {
            text.append("Toxicity: ")
                    .append(toxicity(driver, change.drivenByGrade()))
                    .append('\n')
                    .append("Latest: ")
                    .append(toxicity(change.criterion(), change.grade()))
                    .append('\n');
        } else {
            text.append("Toxicity: ")
                    .append(toxicity(change.criterion(), change.grade()))
                    .append('\n');
        }
        text.append("Status: ")
                .append(words(change.status().name()))
                .append("\n\n")
                .append("Open it in the ToxWatch console (sign-in required):\n")
                .append(consoleUrl)
                .append("/console/alert.html?id=")
                .append(change.alertId())
                .append("\n\n")
                .append(patientDetails ? "" : "Patient details are not sent by e-mail.\n")
                .append("Delivery ")
                .append(delivery.deliveryId())
                .append('\n');
        return text.toString();
    }

    private static String toxicity(Criterion criterion, @Nullable Integer grade) {
        return criterion.id() + (grade == null ? "" : ", grade " + grade);
    }

    private static String verb(AlertChanged change) {
        return switch (change.transition()) {
            case RAISED -> "raised";
            case ESCALATED_GRADE -> "worsened";
            case ESCALATED_TIER -> "escalated: not acknowledged in time";
            case UPDATED -> "updated";
            case ACKNOWLEDGED -> "acknowledged";
            case SNOOZED -> "snoozed";
            case ASSIGNED -> "assigned";
            case RESOLVED -> "resolved";
        };
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
