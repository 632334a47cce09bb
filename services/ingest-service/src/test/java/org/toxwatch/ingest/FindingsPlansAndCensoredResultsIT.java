package org.toxwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import org.toxwatch.testinfrastructure.TopicContents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the BESPONSA decision for a first dose needs, sent as a hospital sends it, on a real broker and
 * MongoDB-wire store: a FHIR Condition diagnosing VOD/SOS, a FHIR MedicationRequest planning cycle 1 day 1, and a
 * JSON ANC reported as {@code <0.1}; each is read back from its topic.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindingsPlansAndCensoredResultsIT {

    private static final String PASSWORD = "findings-it-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "findings-plans-it");
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> PASSWORD);
        registry.add("toxwatch.security.credentials-file", () -> "target/findings-plans-it-credentials");
        registry.add("toxwatch.ingest.mllp.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    private final String patientId = "MRN-" + UUID.randomUUID();
    private final String run = UUID.randomUUID().toString();

    @Test
    void aVodDiagnosisAPlannedC1d1DoseAndACensoredAncReachTheirTopics() throws Exception {
        HttpResponse<String> diagnosis = post(
                "/fhir/Condition",
                "application/fhir+json",
                fixture("condition-vod-diagnosed.json").replace("PRB-5521", "PRB-" + run));
        HttpResponse<String> plan = post(
                "/fhir/MedicationRequest",
                "application/fhir+json",
                fixture("medication-request-inotuzumab-c1d1.json").replace("ORD-77120", "ORD-" + run));
        HttpResponse<String> anc = post("/api/v1/observations", "application/json", """
                {"patientId":"%s","loinc":"751-8","comparator":"<","value":0.1,"unit":"K/uL",
                 "effectiveTime":"2026-11-20T06:00:00Z","abnormalFlags":["LL"],"sourceMessageId":"lab-%s"}""".formatted(patientId, run));

        assertThat(diagnosis.statusCode()).as(diagnosis.body()).isEqualTo(201);
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        assertThat(anc.statusCode()).as(anc.body()).isEqualTo(202);
        assertThat(JSON.readTree(anc.body()).get("stored").asInt()).isEqualTo(1);

        assertThat(recordsOf(Topics.CLINICAL_FINDINGS)).singleElement().satisfies(finding -> {
            assertThat(finding.get("finding").asString()).isEqualTo("VOD_SOS_DIAGNOSED");
            assertThat(finding.get("present").asBoolean()).isTrue();
            assertThat(finding.get("sourceCode").asString()).isEqualTo("http://snomed.info/sct|65617004");
        });
        assertThat(recordsOf(Topics.DOSE_PLANS)).singleElement().satisfies(dose -> {
            assertThat(dose.get("therapy").asString()).isEqualTo("INOTUZUMAB_OZOGAMICIN");
            assertThat(dose.get("cycle").asInt()).isEqualTo(1);
            assertThat(dose.get("cycleDay").asInt()).isEqualTo(1);
            assertThat(dose.get("plannedFor").asString()).isEqualTo("2026-11-21T08:00:00Z");
            assertThat(dose.get("cancelled").asBoolean()).isFalse();
        });
        assertThat(recordsOf(Topics.LAB_RESULTS)).singleElement().satisfies(result -> {
            assertThat(result.get("comparator").asString()).isEqualTo("LESS_THAN");
            assertThat(result.get("value").decimalValue()).isEqualByComparingTo("0.1");
            assertThat(result.get("ucumUnit").asString()).isEqualTo("10*9/L");
            assertThat(result.get("reportedUnit").asString()).isEqualTo("K/uL");
        });
    }

    /** The topic's records of this test's patient: each answer above came only once Kafka held its events. */
    private List<JsonNode> recordsOf(String topic) {
        var records = new ArrayList<JsonNode>();
        TopicContents.readAll(IntegrationInfrastructure.shared().bootstrapServers(), topic, (key, value) -> {
            if (patientId.equals(key)) {
                records.add(JSON.readTree(value));
            }
        });
        return records;
    }

    private String fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("Patient/MRN-0010", "Patient/" + patientId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("integration:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
