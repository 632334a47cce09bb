package org.toxwatch.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.ingest.adapter.mongo.MongoInboundArchive;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An integration team's day, on a real broker and MongoDB-wire store: a feed sends a local code nobody mapped,
 * the operator sees the reject with its reason, maps the code, replays the message, and the observation is
 * stored once; a resend of the original is recognised; expired archive entries are deleted by the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectReplayIT {

    private static final String INTEGRATION_PASSWORD = "replay-it-integration";
    private static final String OPERATOR_PASSWORD = "replay-it-operator";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "reject-replay-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.security.credentials-file", () -> "target/reject-replay-it-credentials");
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> INTEGRATION_PASSWORD);
        registry.add("TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", () -> OPERATOR_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoInboundArchive archive;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anUnmappedLocalCodeIsRejectedThenMappedReplayedAndStoredOnce() throws Exception {
        String messageId = "replay-" + UUID.randomUUID();
        String patient = "REPLAY-" + UUID.randomUUID();
        String body = """
                {"patientId":"%s","localCode":"NEUT#","value":0.3,"unit":"10*9/L",
                 "effectiveTime":"2026-11-20T08:00:00Z","sourceMessageId":"%s"}""".formatted(patient, messageId);

        HttpResponse<String> rejected = call("POST", "/api/v1/observations", body, "integration", INTEGRATION_PASSWORD);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("'NEUT#' has no LOINC mapping for this sender");

        assertThat(call("GET", "/api/v1/rejects", null, "integration", INTEGRATION_PASSWORD)
                        .statusCode())
                .as("rejects are for operators")
                .isEqualTo(403);
        JsonNode reject = rejectOf(messageId);
        assertThat(reject.get("reasons").get(0).asString()).contains("has no LOINC mapping");
        assertThat(reject.has("rawPayload")).as("the list leaves payloads out").isFalse();

        assertThat(call(
                                "PUT",
                                "/api/v1/local-codes/integration/NEUT%23",
                                "{\"loinc\":\"9999-9\"}",
                                "operator",
                                OPERATOR_PASSWORD)
                        .statusCode())
                .as("only a monitored LOINC code can be a target")
                .isEqualTo(400);
        assertThat(call(
                                "PUT",
                                "/api/v1/local-codes/integration/NEUT%23",
                                "{\"loinc\":\"751-8\"}",
                                "operator",
                                OPERATOR_PASSWORD)
                        .statusCode())
                .isEqualTo(200);

        String id = reject.get("id").asString();
        HttpResponse<String> replay =
                call("POST", "/api/v1/rejects/" + id + "/replay", null, "operator", OPERATOR_PASSWORD);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).get("accepted").asBoolean()).isTrue();

        HttpResponse<String> resent = call("POST", "/api/v1/observations", body, "integration", INTEGRATION_PASSWORD);
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(json.readTree(resent.body()).get("resend").asBoolean()).isTrue();

        String marker = "marker-" + UUID.randomUUID();
        call("POST", "/api/v1/observations", """
                {"patientId":"%s","loinc":"777-3","value":80,"unit":"10*9/L",
                 "effectiveTime":"2026-11-20T08:00:00Z","sourceMessageId":"%s"}""".formatted(patient, marker), "integration", INTEGRATION_PASSWORD);
        List<String> records = labResultsUntil(marker);
        assertThat(records.stream().filter(value -> value.contains(messageId)))
                .hasSize(1)
                .allSatisfy(value -> assertThat(value).contains("\"loinc\":\"751-8\""));
    }

    @Test
    void archivedMessagesPastTheirRetentionAreDeleted() throws Exception {
        call(
                "POST",
                "/api/v1/observations",
                "{\"patientId\":\"EXPIRY-1\",\"loinc\":\"751-8\",\"value\":1.0,\"unit\":\"10*9/L\","
                        + "\"effectiveTime\":\"2026-11-20T08:00:00Z\",\"sourceMessageId\":\"expiry-"
                        + UUID.randomUUID() + "\"}",
                "integration",
                INTEGRATION_PASSWORD);

        assertThat(archive.expireOlderThan(Instant.now().minus(Duration.ofDays(1))))
                .as("nothing is a day old yet")
                .isZero();
        assertThat(archive.expireOlderThan(Instant.now().plus(Duration.ofMinutes(1))))
                .isPositive();
    }

    @Test
    void everyCodeMappingChangeIsAuditedWithWhoWhenAndWhatItReplaced() throws Exception {
        String localCode = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/local-codes/integration/" + localCode;
        call("PUT", path, "{\"loinc\":\"751-8\"}", "operator", OPERATOR_PASSWORD);
        call("PUT", path, "{\"loinc\":\"777-3\"}", "operator", OPERATOR_PASSWORD);

        HttpResponse<String> audit = call("GET", "/api/v1/local-codes/changes", null, "operator", OPERATOR_PASSWORD);

        assertThat(audit.statusCode()).isEqualTo(200);
        List<JsonNode> changes = json.readTree(audit.body())
                .valueStream()
                .filter(change -> change.get("localCode").asString().equals(localCode))
                .toList();
        assertThat(changes).hasSize(2).allSatisfy(change -> {
            assertThat(change.get("actor").asString()).isEqualTo("operator");
            assertThat(change.get("sender").asString()).isEqualTo("integration");
            assertThat(Instant.parse(change.get("at").asString()))
                    .isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(changes.getFirst().get("before").asString()).isEqualTo("751-8");
        assertThat(changes.getFirst().get("after").asString()).isEqualTo("777-3");
        JsonNode beforeTheFirst = changes.getLast().get("before");
        assertThat(beforeTheFirst == null || beforeTheFirst.isNull())
                .as("no mapping before the first")
                .isTrue();
        assertThat(call("GET", "/api/v1/local-codes/changes", null, "integration", INTEGRATION_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
    }

    private JsonNode rejectOf(String messageId) throws Exception {
        JsonNode list = json.readTree(call("GET", "/api/v1/rejects", null, "operator", OPERATOR_PASSWORD)
                .body());
        for (JsonNode reject : list) {
            if (messageId.equals(reject.path("messageId").asString(""))) {
                return reject;
            }
        }
        throw new AssertionError("no reject for " + messageId + " in " + list);
    }

    private List<String> labResultsUntil(String marker) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "replay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.LAB_RESULTS));
            var values = new java.util.ArrayList<String>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.stream().anyMatch(value -> value.contains(marker));
            });
            return values;
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String user, String password)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
