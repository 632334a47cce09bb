package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.withCaveats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 item 9 through the real broker and store: assessments published on the topic as monitoring publishes
 * them, the alert read back over the clinicians' API.
 */
class CorrectedAndCompromisedResultsIT extends RunningAlertingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGradeThreePotassiumCorrectedToNormalWithdrawsItsAlertSayingSourceResultCorrected() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var wrong = anAssessment(patient, Criterion.HYPERKALEMIA, 3);
        publish(wrong);
        String alertId = await().atMost(PATIENCE)
                .until(() -> alertsOf(patient), alerts -> !alerts.isEmpty())
                .get(0)
                .get("alertId")
                .asString();
        assertThat(detail(alertId).get("alert").get("priority").asString()).isEqualTo("MEDIUM");

        publish(afterCorrectionOf(wrong, Criterion.HYPERKALEMIA, 0));

        JsonNode withdrawn = await().atMost(PATIENCE)
                .until(
                        () -> detail(alertId),
                        d -> d.get("alert").get("status").asString().equals("RESOLVED"));
        assertThat(withdrawn.get("alert").get("highestGrade").asInt()).isZero();
        assertThat(withdrawn.get("alert").get("caveats").toString())
                .contains(AssessmentCaveat.SOURCE_RESULT_CORRECTED.name());
        JsonNode last = withdrawn.get("audit").get(withdrawn.get("audit").size() - 1);
        assertThat(last.get("transition").asString()).isEqualTo("RESOLVED");
        assertThat(last.get("actor").asString()).isEqualTo("toxwatch");
        assertThat(last.get("reason").asString()).startsWith("source result corrected");
    }

    @Test
    void aHemolyzedPotassiumRaisesAnAlertThatDoesNotPageUntilAResultWithoutTheCaveatConfirmsIt() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        publish(withCaveats(anAssessment(patient, Criterion.HYPERKALEMIA, 3), AssessmentCaveat.HEMOLYZED_SPECIMEN));

        JsonNode held = await().atMost(PATIENCE)
                .until(() -> alertsOf(patient), alerts -> !alerts.isEmpty())
                .get(0);
        assertThat(held.get("priority").asString())
                .as("low priority waits in the queue and never escalates")
                .isEqualTo("LOW");
        assertThat(held.get("awaitingConfirmation").asBoolean()).isTrue();
        assertThat(held.get("priorityReason").asString()).startsWith("awaiting confirmation: hemolyzed specimen");
        assertThat(held.get("caveats").toString()).contains(AssessmentCaveat.HEMOLYZED_SPECIMEN.name());
        String alertId = held.get("alertId").asString();

        publish(anAssessment(patient, Criterion.HYPERKALEMIA, 3));

        JsonNode confirmed = await().atMost(PATIENCE)
                .until(
                        () -> detail(alertId),
                        d -> d.get("alert").get("priority").asString().equals("MEDIUM"));
        assertThat(confirmed.get("alert").get("awaitingConfirmation").asBoolean())
                .isFalse();
        JsonNode last = confirmed.get("audit").get(confirmed.get("audit").size() - 1);
        assertThat(last.get("transition").asString())
                .as("a transition clinicians are notified of")
                .isEqualTo("ESCALATED_GRADE");
        assertThat(last.get("reason").asString()).startsWith("confirmed by a result without a specimen caveat");
    }

    private JsonNode alertsOf(String patient) throws Exception {
        return get("/api/v1/alerts?patientId=" + patient);
    }

    private JsonNode detail(String alertId) throws Exception {
        return get("/api/v1/alerts/" + alertId);
    }

    private JsonNode get(String path) throws Exception {
        String credentials = "clinician:" + CLINICIAN_PASSWORD;
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
