package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The FHIR and CDS Hooks views over HTTP, for an alert raised from a real assessment on the broker. */
class AlertInteroperabilityIT extends RunningAlertingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAlertIsServedAsAFhirDetectedIssueAndAsCdsHooksCards() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        String alertId = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/alerts?patientId=" + patient).body(), alerts -> !alerts.isEmpty())
                .get(0)
                .get("alertId")
                .asString();

        var fhir = http.send(
                request("/api/v1/alerts/" + alertId + "/fhir")
                        .header("Accept", "application/fhir+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var card = get("/api/v1/alerts/" + alertId + "/cds-card");
        var patientCards = get("/api/v1/patients/" + patient + "/cds-cards");

        assertThat(fhir.statusCode()).isEqualTo(200);
        assertThat(fhir.headers().firstValue("Content-Type")).get().asString().startsWith("application/fhir+json");
        JsonNode issue = JSON.readTree(fhir.body());
        assertThat(issue.get("resourceType").asString()).isEqualTo("DetectedIssue");
        assertThat(issue.get("severity").asString()).isEqualTo("high");
        assertThat(issue.get("patient").get("identifier").get("value").asString())
                .isEqualTo(patient);
        assertThat(card.statusCode()).isEqualTo(200);
        JsonNode first = card.body().get("cards").get(0);
        assertThat(first.get("indicator").asString()).isEqualTo("critical");
        assertThat(first.get("links").get(0).get("url").asString())
                .isEqualTo(baseUrl() + "/console/alert.html?id=" + alertId);
        assertThat(patientCards.body().get("cards")).hasSize(1);
        assertThat(get("/api/v1/alerts/" + UUID.randomUUID() + "/fhir").statusCode())
                .isEqualTo(404);
    }

    private record Json(int statusCode, JsonNode body) {}

    private Json get(String path) throws Exception {
        var response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        return new Json(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpRequest.Builder request(String path) {
        String credentials = "clinician:" + CLINICIAN_PASSWORD;
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
