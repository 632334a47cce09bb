package org.toxwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.platform.SettingsAudit;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The settings audit as operators read it over HTTP (the view is the platform's, the same in alerting): this
 * service's entries only, newest first, as many as asked, and never a secret-named setting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettingsChangesIT {

    private static final String OPERATOR_PASSWORD = "settings-it-operator";
    // Later than the entry this start records in the background, so the test's entries are the newest.
    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "settings-changes-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.security.credentials-file", () -> "target/settings-changes-it-credentials");
        registry.add("TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", () -> OPERATOR_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void operatorsReadTheChangesOfThisServiceNewestFirstWithoutSecretNamedSettings() throws Exception {
        var audit = new SettingsAudit(mongo);
        audit.recordStart("ingest-service", Map.of("toxwatch.it.marker", "a"), "alice", LATER);
        audit.recordStart("ingest-service", Map.of("toxwatch.it.marker", "b"), "bob", LATER.plusSeconds(60));
        audit.recordStart("alerting-service", Map.of("toxwatch.it.marker", "c"), "carol", LATER.plusSeconds(120));
        // As an entry written before secret-named settings were left out would hold one.
        mongo.insert(
                new Document("service", "ingest-service")
                        .append("at", Date.from(LATER.plusSeconds(180)))
                        .append("actor", "dave")
                        .append(
                                "changes",
                                List.of(
                                        new Document("name", "toxwatch.webhooks.secret-keys")
                                                .append("before", "old-secret")
                                                .append("after", "new-secret"),
                                        new Document("name", "toxwatch.it.marker")
                                                .append("before", "b")
                                                .append("after", "d"))),
                "settings_audit");

        HttpResponse<String> answer = get("/api/v1/settings/changes?limit=2");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("secret");
        JsonNode entries = json.readTree(answer.body());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("dave");
        assertThat(entries.get(0).get("service").asString()).isEqualTo("ingest-service");
        assertThat(entries.get(0).get("changes")).hasSize(1);
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("bob");
        assertThat(entries.get(1).get("at").asString()).isEqualTo("2100-01-01T00:01:00Z");
        JsonNode change = entries.get(1).get("changes").get(0);
        assertThat(change.get("name").asString()).isEqualTo("toxwatch.it.marker");
        assertThat(change.get("before").asString()).isEqualTo("a");
        assertThat(change.get("after").asString()).isEqualTo("b");
    }

    private HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
