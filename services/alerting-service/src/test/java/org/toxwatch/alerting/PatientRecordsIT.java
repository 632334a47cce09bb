package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;
import static org.toxwatch.alerting.patient.domain.PatientRecords.anAdmittedChild;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patient records on the real broker into the patient store, and out through the clinicians' alert API: whose
 * alert it is, where the patient is now, never to operators and never in a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientRecordsIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    PatientFiles patients;

    @Test
    void aClinicianSeesWhoseAlertItIsAndNoOperatorOrLogLineDoes(CapturedOutput output) throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        String family = "Fam" + UUID.randomUUID().toString().substring(0, 8);
        publish(anAdmittedChild(patient, "2026-11-16T06:55:00Z")
                .named(family, "Mia")
                .build());
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        JsonNode shown = await().atMost(PATIENCE)
                .until(() -> alertOf(patient), alert -> alert != null && alert.hasNonNull("patient"))
                .get("patient");

        assertThat(shown.get("familyName").asString()).isEqualTo(family);
        assertThat(shown.get("givenName").asString()).isEqualTo("Mia");
        assertThat(shown.get("birthDate").asString()).isEqualTo("2020-03-14");
        assertThat(shown.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(shown.at("/location/bed").asString()).isEqualTo("B");
        assertThat(shown.get("attending").asString()).isEqualTo("Dr A. Attending");
        var asClinician = get("/api/v1/patients/" + patient, "clinician", CLINICIAN_PASSWORD);
        assertThat(asClinician.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asClinician.body()).get("familyName").asString())
                .isEqualTo(family);
        assertThat(get("/api/v1/patients/" + patient, "operator", OPERATOR_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/alerts?patientId=" + patient, "operator", OPERATOR_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(output.getAll()).doesNotContain(family);
    }

    @Test
    void aTombstoneForgetsThePatient() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAdmittedChild(patient, "2026-11-16T06:55:00Z").build());
        await().atMost(PATIENCE).until(() -> patients.find(patient).isPresent());

        kafkaTemplate.send(Topics.PATIENTS, patient, null).get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> patients.find(patient).isEmpty());
    }

    @Test
    void aTransferMovesTheBedAndAnOlderRecordReadLaterDoesNotMoveItBack() {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAdmittedChild(patient, "2026-11-16T06:55:00Z").build());
        publish(aRecord(patient, "2026-11-16T09:00:00Z")
                .event(EncounterEvent.TRANSFERRED)
                .in("ONC-PED", "12", "A")
                .build());
        publish(aRecord(patient, "2026-11-16T08:00:00Z").in("PICU", "4", "C").build());
        // Records of one patient are read in order: once this one is in, the older one above has been read too.
        publish(aRecord(patient, "2026-11-16T10:00:00Z")
                .attending("Dr B. Second")
                .build());

        var details = await().atMost(PATIENCE)
                .until(
                        () -> patients.find(patient).map(PatientFile::details),
                        found -> found.isPresent()
                                && "Dr B. Second".equals(found.get().attending()))
                .orElseThrow();

        assertThat(details.location()).isEqualTo(new PatientLocation("ONC-PED", "12", "A", null));
        assertThat(details.familyName()).isEqualTo("Example");
    }

    private JsonNode alertOf(String patient) throws Exception {
        var response = get("/api/v1/alerts?patientId=" + patient, "clinician", CLINICIAN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode alerts = JSON.readTree(response.body());
        return alerts.isEmpty() ? null : alerts.get(0);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", WebhookDeliveryIT.basic(user, password))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
