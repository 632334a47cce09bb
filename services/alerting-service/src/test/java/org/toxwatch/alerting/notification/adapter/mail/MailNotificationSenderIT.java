package org.toxwatch.alerting.notification.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.alerting.patient.domain.PatientRecords;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;

/** E-mail through Spring Mail to a real SMTP server (GreenMail): minimum necessary unless configured otherwise. */
class MailNotificationSenderIT {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final WebhookSubscription ward = new WebhookSubscription(
            UUID.randomUUID(),
            "haematology ward",
            URI.create("mailto:oncall@ward.example"),
            "unused-for-e-mail-16",
            Set.of(),
            Set.of(),
            true,
            NOW,
            true);

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private MailNotificationSender sender(boolean patientDetails) {
        var mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(smtp.getSmtp().getPort());
        return new MailNotificationSender(
                mail, "toxwatch@hospital.example", "https://toxwatch.example/", patientDetails);
    }

    private WebhookDelivery aRaisedHighAlert() {
        var raised = AlertEpisode.raise(
                anAssessment("MRN-4711", Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
                UUID.randomUUID(),
                NOW);
        return WebhookDelivery.of(ward, raised.event(), NOW);
    }

    @Test
    void byDefaultNeitherSubjectNorBodyNameThePatient() throws Exception {
        var delivery = aRaisedHighAlert();

        var attempt = sender(false).send(ward, delivery, aKnownChild(), NOW);

        assertThat(attempt.delivered()).isTrue();
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("oncall@ward.example");
        assertThat(message.getSubject()).isEqualTo("[ToxWatch] high priority alert raised");
        String body = GreenMailUtil.getBody(message);
        assertThat(body)
                .contains("https://toxwatch.example/console/alert.html?id="
                        + delivery.change().alertId())
                .contains("CTCAE-5.0/neutrophil_count_decreased, grade 4")
                .doesNotContain("MRN-4711")
                .doesNotContain("Example", "Mia", "2020", "000004", "PICU");
        assertThat(message.getSubject()).doesNotContain("MRN-4711", "Example", "Mia");
    }

    @Test
    void theBodyNamesTheGradeThePriorityRestsOnBeforeALowerLatestOne() {
        var policy = new AlertPolicy();
        var anc4 = anAssessment("MRN-4711", Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        var platelets3 = anAssessment("MRN-4711", Criterion.PLATELET_COUNT_DECREASED, 3);
        var raised = AlertEpisode.raise(anc4, policy.decide(anc4).orElseThrow(), UUID.randomUUID(), NOW);
        var updated = raised.episode().apply(platelets3, policy.decide(platelets3), NOW.plusSeconds(600));

        String body = sender(false).body(WebhookDelivery.of(ward, updated.event(), NOW.plusSeconds(600)));

        assertThat(updated.event().priority()).isEqualTo(AlertPriority.HIGH);
        assertThat(body)
                .contains("Toxicity: CTCAE-5.0/neutrophil_count_decreased, grade 4\n"
                        + "Latest: CTCAE-5.0/platelet_count_decreased, grade 3\n");
    }

    /** Who the patient is, as the store would hand it; e-mail must never use it. */
    private static PatientDetails aKnownChild() {
        return PatientFile.of("MRN-4711")
                .apply(PatientRecords.anAdmittedChild("MRN-4711", "2026-11-16T06:55:00Z")
                        .build())
                .details();
    }

    @Test
    void patientDetailsAreSentOnlyWhenConfigured() throws Exception {
        sender(true).send(ward, aRaisedHighAlert(), aKnownChild(), NOW);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).endsWith("patient MRN-4711");
        assertThat(GreenMailUtil.getBody(message))
                .contains("Patient: MRN-4711")
                .as("names and birth dates are never e-mailed, whatever the setting")
                .doesNotContain("Example", "Mia", "2020-03-14");
    }

    @Test
    void anUnreachableServerIsAFailedAttemptNotAnException() {
        var delivery = aRaisedHighAlert();
        var sender = sender(false);
        smtp.stop();

        var attempt = sender.send(ward, delivery, null, NOW);

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).startsWith("mail: ");
    }
}
