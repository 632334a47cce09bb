package org.toxwatch.alerting;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The alerting application on a random port against the real broker and store, shared by the integration tests
 * that need all of it. One application context for all of them: two would split the assessment reader's
 * partitions between them and each would see only part of what a test publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningAlertingService {

    static final String CLINICIAN_PASSWORD = "it-clinician-" + UUID.randomUUID();
    static final String OPERATOR_PASSWORD = "it-operator-" + UUID.randomUUID();
    static final String INTEGRATION_PASSWORD = "it-integration-" + UUID.randomUUID();

    /** The SMTP server e-mail subscriptions send to; started with the application, for this test JVM. */
    static final GreenMail SMTP = startSmtp();

    /** monitoring-service's place in the group alerting watches for grading freshness, for this test JVM. */
    static final StandInGrader GRADER =
            StandInGrader.start(IntegrationInfrastructure.shared().bootstrapServers());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "alerting-it");
        registry.add("TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD", () -> CLINICIAN_PASSWORD);
        registry.add("TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", () -> OPERATOR_PASSWORD);
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> INTEGRATION_PASSWORD);
        // RoleMatrixIT sends wrong credentials on purpose, once per route, all from this address.
        registry.add("toxwatch.security.login.delay-after", () -> "1000");
        registry.add("toxwatch.security.login.lock-after", () -> "1000");
        registry.add("toxwatch.security.credentials-file", () -> "target/alerting-it-credentials");
        registry.add("toxwatch.alerting.webhooks.secret-key-file", () -> "target/alerting-it-webhook-secret-key");
        // Webhook retries in tenths of a second, so a retry is seen within a test.
        registry.add("toxwatch.alerting.webhooks.first-retry", () -> "200ms");
        registry.add("toxwatch.alerting.webhooks.check", () -> "100ms");
        // The test receivers are plain-HTTP servers on this machine, as in the local run.
        registry.add("toxwatch.alerting.webhooks.allow-plain-http", () -> "true");
        registry.add("toxwatch.alerting.webhooks.allowed-hosts", () -> "localhost");
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // Grading freshness checked every half second and late after three, so a test sees it change.
        registry.add("toxwatch.alerting.grading-check", () -> "500ms");
        registry.add("toxwatch.alerting.grading-delay-threshold", () -> "3s");
        // The hospital is not in the zone of the machine the tests run on: the console must show its clock.
        registry.add("toxwatch.alerting.timeline.hospital-time-zone", () -> "Europe/Berlin");
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, Object> kafkaTemplate;

    private static GreenMail startSmtp() {
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        return smtp;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A GET of this application's API as a bootstrap user ("clinician", "operator"), or with no credentials. */
    HttpResponse<String> getAs(@Nullable String user, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (user != null) {
            String password = user.equals("operator") ? OPERATOR_PASSWORD : CLINICIAN_PASSWORD;
            request.header("Authorization", WebhookDeliveryIT.basic(user, password));
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Publishes as monitoring does: keyed by patient, on the assessments topic, acknowledged by the broker. */
    void publish(ToxicityAssessed assessment) {
        try {
            kafkaTemplate
                    .send(Topics.ASSESSMENTS, assessment.patientId(), assessment)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the assessment", e);
        }
    }

    /** Publishes as ingest does: keyed by patient, on the compacted patients topic, acknowledged by the broker. */
    void publish(PatientRecorded record) {
        try {
            kafkaTemplate.send(Topics.PATIENTS, record.patientId(), record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the patient record", e);
        }
    }
}
