package org.toxwatch.alerting.notification.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Minimum necessary on the wire: a webhook body carries a {@code patient} block only for a subscription that
 * opted in with {@code includeDemographics}; otherwise there is no such key at all, whatever the sender is given.
 */
class WebhookPatientBlockTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void byDefaultTheBodyHasNoPatientBlockAndNoNameOrBirthDate() {
        JsonNode body = deliver(false);

        assertThat(body.has("patient")).isFalse();
        assertThat(body.get("alert").get("patientId").asString()).isEqualTo("MRN-4711");
        assertThat(body.toString()).doesNotContain("Example", "Mia", "2020-03-14", "000004");
    }

    @Test
    void aSubscriptionThatOptedInGetsThePatientBlock() {
        JsonNode patient = deliver(true).get("patient");

        assertThat(patient.get("familyName").asString()).isEqualTo("Example");
        assertThat(patient.get("givenName").asString()).isEqualTo("Mia");
        assertThat(patient.get("birthDate").asString()).isEqualTo("2020-03-14");
        assertThat(patient.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(patient.get("identifiers").get(0).get("value").asString()).isEqualTo("000004");
        assertThat(patient.get("location").get("bed").asString()).isEqualTo("B");
        assertThat(patient.get("attending").asString()).isEqualTo("Dr A. Attending");
    }

    private JsonNode deliver(boolean includeDemographics) {
        var subscription = new WebhookSubscription(
                UUID.randomUUID(),
                "ehr",
                URI.create(
                        "http://receiver.example.org:" + receiver.getAddress().getPort() + "/hook"),
                "sixteen-character-secret",
                Set.of(),
                Set.of(),
                true,
                NOW,
                includeDemographics);
        var raised = AlertEpisode.raise(
                anAssessment("MRN-4711", Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
                UUID.randomUUID(),
                NOW);
        var policy = new OutboundPolicy(
                true, Set.of("receiver.example.org"), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        try (var sender = new HttpWebhookSender(JSON, Duration.ofSeconds(2), policy)) {
            var attempt = sender.send(
                    subscription, WebhookDelivery.of(subscription, raised.event(), NOW), aKnownChild(), NOW);
            assertThat(attempt.delivered()).isTrue();
        }
        assertThat(bodies).hasSize(1);
        return JSON.readTree(bodies.poll());
    }

    private static PatientDetails aKnownChild() {
        return PatientFile.of("MRN-4711")
                .apply(PatientRecords.anAdmittedChild("MRN-4711", "2026-11-16T06:55:00Z")
                        .build())
                .details();
    }
}
