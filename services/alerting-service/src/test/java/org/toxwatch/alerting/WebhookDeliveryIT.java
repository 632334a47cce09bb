package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: an operator subscribes a receiver (a real HTTP server in this JVM), assessments arrive on
 * the real broker, and the receiver gets one signed POST per alert state change, the first after a retry.
 */
class WebhookDeliveryIT extends RunningAlertingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "webhook-it-secret-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean failedOnce = new AtomicBoolean();
    private volatile String failOnceFor = "";
    private HttpServer receiver;

    @Autowired
    MeterRegistry meterRegistry;

    record Received(String delivery, String event, String signature, String body, int answered) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hooks/alerts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String patient = JSON.readTree(body).get("alert").get("patientId").asString();
            boolean raised = "RAISED".equals(exchange.getRequestHeaders().getFirst("X-ToxWatch-Event"));
            int status = raised && patient.equals(failOnceFor) && failedOnce.compareAndSet(false, true) ? 503 : 204;
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-ToxWatch-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-ToxWatch-Event"),
                    exchange.getRequestHeaders().getFirst("X-ToxWatch-Signature"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void eachAlertStateChangeIsPostedOnceSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        failOnceFor = patient;
        String subscriptionId = subscribe();
        var first = anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);

        publish(first);
        publish(first);
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(patient).size() == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> accepted(patient).size() == 2);
        assertThat(accepted(patient)).extracting(Received::event).containsExactlyInAnyOrder("RAISED", "UPDATED");
        List<Received> raised = ofPatient(patient).stream()
                .filter(r -> r.event().equals("RAISED"))
                .toList();
        assertThat(raised).extracting(Received::answered).containsExactly(503, 204);
        assertThat(raised)
                .extracting(Received::delivery)
                .as("a retry is the same delivery")
                .containsOnly(raised.getFirst().delivery());
        for (Received request : ofPatient(patient)) {
            String[] parts = request.signature().split(",");
            String timestamp = parts[0].substring("t=".length());
            assertThat(parts[1]).isEqualTo("v1=" + hmac(SECRET, timestamp + "." + request.body()));
            assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, within(300L));
        }

        String alertId = JSON.readTree(raised.getFirst().body())
                .get("alert")
                .get("alertId")
                .asString();
        JsonNode log = JSON.readTree(get("/api/v1/webhooks/" + subscriptionId + "/deliveries", "operator")
                .body());
        JsonNode raisedDelivery = log.valueStream()
                .filter(d -> d.get("alertId").asString().equals(alertId)
                        && d.get("transition").asString().equals("RAISED"))
                .findFirst()
                .orElseThrow();
        assertThat(raisedDelivery.get("status").asString()).isEqualTo("DELIVERED");
        JsonNode attempts = raisedDelivery.get("attempts");
        assertThat(attempts.get(0).get("delivered").asBoolean()).isFalse();
        assertThat(attempts.get(0).get("failure").asString()).isEqualTo("HTTP 503");
        assertThat(attempts.get(1).get("delivered").asBoolean()).isTrue();
        assertThat(raisedDelivery.get("attempts").findValues("statusCode"))
                .extracting(JsonNode::asInt)
                .containsExactly(503, 204);
        assertThat(meterRegistry
                        .get("toxwatch.notifications.delivery.failures")
                        .tags("channel", "webhook", "outcome", "retrying")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(meterRegistry
                        .find("toxwatch.notifications.delivery.failures")
                        .counters())
                .flatExtracting(counter -> counter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("MRN"));
    }

    @Test
    void aTeamSubscribedByEMailGetsOneMessagePerStateChangeWithoutThePatientInIt() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        String team = "oncall-" + UUID.randomUUID() + "@ward.example";
        var subscribed = post("/api/v1/webhooks", """
                {"name":"ward on-call","url":"mailto:%s","secret":"%s","transitions":["RAISED"]}""".formatted(team, SECRET));
        assertThat(subscribed.statusCode()).isEqualTo(201);
        var assessment = anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);

        publish(assessment);
        publish(assessment);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(team).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailTo(team).size() == 1);
        var message = mailTo(team).getFirst();
        assertThat(message.getSubject()).isEqualTo("[ToxWatch] high priority alert raised");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message))
                .contains("/console/alert.html?id=")
                .doesNotContain(patient);
    }

    @Test
    void onlyOperatorsManageWebhooks() throws Exception {
        assertThat(get("/api/v1/webhooks", "clinician").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/webhooks", "operator").statusCode()).isEqualTo(200);
    }

    @Test
    void aSubscriptionNeedsAnHttpUrlOrAMailAddressAndASecretWorthTheName() throws Exception {
        String good = "a-secret-of-16-chars";

        assertThat(post("/api/v1/webhooks", subscription("ftp://ehr.example/hooks", good))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/webhooks", subscription("mailto:not-an-address", good))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/webhooks", subscription("https://ehr.example/hooks", "short"))
                        .statusCode())
                .isEqualTo(400);
        var created = post("/api/v1/webhooks", subscription("https://ehr.example/hooks", good));
        assertThat(created.statusCode()).isEqualTo(201);

        String id = JSON.readTree(created.body()).get("id").asString();
        var removed = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/" + id))
                        .header("Authorization", basic("operator", OPERATOR_PASSWORD))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("active").asBoolean()).isFalse();
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries", "operator").statusCode())
                .as("the log of a removed subscription stays readable")
                .isEqualTo(200);
    }

    @Test
    void everySubscriptionChangeIsAuditedWithWhoWhenBeforeAndAfterButNeverTheSecret() throws Exception {
        String secret = "audit-it-secret-" + UUID.randomUUID();
        var created = post("/api/v1/webhooks", subscription("https://ehr.example/audited", secret));
        String id = JSON.readTree(created.body()).get("id").asString();
        http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/" + id))
                        .header("Authorization", basic("operator", OPERATOR_PASSWORD))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        var audit = get("/api/v1/webhooks/changes", "operator");

        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain(secret);
        List<JsonNode> changes = JSON.readTree(audit.body())
                .valueStream()
                .filter(change -> change.get("subject").asString().equals("webhook-subscription/" + id))
                .toList();
        assertThat(changes)
                .extracting(change -> change.get("action").asString())
                .containsExactly("deactivated", "created");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.get("actor").asString()).isEqualTo("operator");
            assertThat(change.get("at").asString()).isNotBlank();
            assertThat(change.get("after").get("url").asString()).isEqualTo("https://ehr.example/audited");
        });
        JsonNode deactivated = changes.getFirst();
        assertThat(deactivated.get("before").get("active").asString()).isEqualTo("true");
        assertThat(deactivated.get("after").get("active").asString()).isEqualTo("false");
        assertThat(changes.getLast().get("before").isEmpty())
                .as("nothing before a creation")
                .isTrue();
        assertThat(get("/api/v1/webhooks/changes", "clinician").statusCode()).isEqualTo(403);
    }

    private static String subscription(String url, String secret) {
        return """
                {"name":"validation","url":"%s","secret":"%s","priorities":["LOW"],"transitions":["RESOLVED"]}""".formatted(url, secret);
    }

    private String subscribe() throws Exception {
        String body = """
                {"name":"ward-pager","url":"http://localhost:%d/hooks/alerts","secret":"%s"}""".formatted(receiver.getAddress().getPort(), SECRET);
        var response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks"))
                        .header("Authorization", basic("operator", OPERATOR_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).doesNotContain(SECRET);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private List<jakarta.mail.internet.MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", basic("operator", OPERATOR_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<Received> ofPatient(String patient) {
        return received.stream()
                .filter(r -> JSON.readTree(r.body())
                        .get("alert")
                        .get("patientId")
                        .asString()
                        .equals(patient))
                .toList();
    }

    private List<Received> accepted(String patient) {
        return ofPatient(patient).stream().filter(r -> r.answered() == 204).toList();
    }

    static String hmac(String secret, String message) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        String password = user.equals("operator") ? OPERATOR_PASSWORD : CLINICIAN_PASSWORD;
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", basic(user, password))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
