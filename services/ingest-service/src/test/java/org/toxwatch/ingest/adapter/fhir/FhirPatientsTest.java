package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;

/** FHIR Patient and Encounter: who the patient is and where, as HL7 PID/PV1 and JSON say it. */
class FhirPatientsTest {

    private static final String SENDER = "DEMO-EHR";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final FhirIngest ingest = new FhirIngest(
            new FhirJson(FHIR),
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            new FhirIngestTest.CountingMonitor());

    static String patient(String birthDate) {
        return """
                {"resourceType":"Patient","meta":{"lastUpdated":"2026-11-16T06:55:00Z"},
                 "identifier":[{"system":"urn:national","value":"NHS-1"},
                  {"system":"urn:childrens","value":"000004",
                   "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]}}],
                 "name":[{"use":"nickname","given":["Mimi"]},{"use":"official","family":"Example","given":["Mia","Rose"]}],
                 "birthDate":"%s","gender":"female"}""".formatted(birthDate);
    }

    static String encounter(String status) {
        return """
                {"resourceType":"Encounter","identifier":[{"system":"urn:adt","value":"ENC-9"}],"status":"%s",
                 "subject":{"identifier":{"value":"000004"}},
                 "location":[
                  {"location":{"display":"ONC-PED"},"status":"completed"},
                  {"location":{"display":"PICU"},"physicalType":{"coding":[{"code":"wa"}]}},
                  {"location":{"display":"4"},"physicalType":{"coding":[{"code":"ro"}]}},
                  {"location":{"identifier":{"value":"B"}},"physicalType":{"coding":[{"code":"bd"}]}}],
                 "participant":[
                  {"type":[{"coding":[{"code":"CON"}]}],"individual":{"display":"Dr Consultant"}},
                  {"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "code":"ATND"}]}],"individual":{"display":"Dr A. Attending"}}]}""".formatted(status);
    }

    @Test
    void aPatientIsRecordedUnderItsMrnWithNameBirthDateAndSexAndItsResendAddsNothing() {
        var created = ingest.create("Patient", patient("2020-03-14"), SENDER);
        var resent = ingest.create("Patient", patient("2020-03-14"), SENDER);

        assertThat(created.status()).isEqualTo(201);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).singleElement().satisfies(payload -> {
            var patient = (PatientRecorded) payload;
            assertThat(patient.patientId()).isEqualTo("000004");
            assertThat(patient.encounterEvent()).isEqualTo(EncounterEvent.REGISTERED);
            assertThat(patient.identifiers())
                    .containsExactly(
                            new PatientIdentifier("NHS-1", "urn:national", null),
                            new PatientIdentifier("000004", "urn:childrens", "MR"));
            assertThat(patient.familyName()).isEqualTo("Example");
            assertThat(patient.givenName()).isEqualTo("Mia Rose");
            assertThat(patient.birthDate()).isEqualTo(LocalDate.of(2020, 3, 14));
            assertThat(patient.sex()).isEqualTo(AdministrativeSex.FEMALE);
            assertThat(patient.recordedAt()).isEqualTo(Instant.parse("2026-11-16T06:55:00Z"));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "2019-02-30, Patient, is not readable FHIR R4 JSON",
        "2026-11-23, Patient.birthDate, is in the future",
        "1899-12-31, Patient.birthDate, lies before 1900-01-01",
        "2019, Patient.birthDate, is not a date (YYYY-MM-DD)"
    })
    void aBadBirthDateIsA400AtTheElementThatNeverRepeatsIt(String birthDate, String expression, String diagnostics) {
        var answer = ingest.create("Patient", patient(birthDate), SENDER);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer.body())).singleElement().satisfies(issue -> {
            assertThat(issue.getExpression().getFirst().getValue()).isEqualTo(expression);
            assertThat(issue.getDiagnostics()).contains(diagnostics).doesNotContain(birthDate);
        });
        assertThat(publisher.payloadsOn(Topics.PATIENTS_DLT))
                .singleElement()
                .satisfies(dead -> assertThat(((RejectedInput) dead).reasons())
                        .allSatisfy(reason -> assertThat(reason).doesNotContain(birthDate)));
    }

    @Test
    void aPatientWithNothingButIdentifiersIsAcceptedAndRecordsNothing() {
        var answer = ingest.create("Patient", """
                {"resourceType":"Patient","identifier":[{"system":"urn:childrens","value":"000004"}]}""", SENDER);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).isEmpty();
    }

    @Test
    void anInProgressEncounterAdmitsToItsCurrentWardRoomAndBedUnderItsAttending() {
        var answer = ingest.create("Encounter", encounter("in-progress"), SENDER);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).singleElement().satisfies(payload -> {
            var patient = (PatientRecorded) payload;
            assertThat(patient.patientId()).isEqualTo("000004");
            assertThat(patient.encounterEvent()).isEqualTo(EncounterEvent.ADMITTED);
            assertThat(patient.location()).isEqualTo(new PatientLocation("PICU", "4", "B", null));
            assertThat(patient.attending()).isEqualTo("Dr A. Attending");
        });
    }

    @Test
    void aFinishedEncounterDischargesAndLeavesNoBed() {
        ingest.create("Encounter", encounter("finished"), SENDER);

        assertThat(publisher.payloadsOn(Topics.PATIENTS)).singleElement().satisfies(payload -> {
            assertThat(((PatientRecorded) payload).encounterEvent()).isEqualTo(EncounterEvent.DISCHARGED);
            assertThat(((PatientRecorded) payload).location()).isNull();
        });
    }

    @Test
    void aPlannedEncounterIsRefusedAtItsStatus() {
        var answer = ingest.create("Encounter", encounter("planned"), SENDER);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer.body()))
                .singleElement()
                .satisfies(issue ->
                        assertThat(issue.getExpression().getFirst().getValue()).isEqualTo("Encounter.status"));
    }

    @Test
    void aTransactionRecordsItsPatientAndGivesTheObservationItsMrn() {
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11","resource":%s,
                  "request":{"method":"POST","url":"Patient"}},
                 {"resource":{"resourceType":"Observation","identifier":[{"system":"urn:lab","value":"anc-9"}],
                   "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},
                   "subject":{"reference":"urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11"},
                   "effectiveDateTime":"2026-11-21T07:45:00Z",
                   "valueQuantity":{"value":0.4,"system":"http://unitsofmeasure.org","code":"10*9/L"}},
                  "request":{"method":"POST","url":"Observation"}}]}""".formatted(patient("2020-03-14"));

        var answer = ingest.bundle(bundle, SENDER);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((Bundle) answer.body()).getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created");
        assertThat(((PatientRecorded) publisher.payloadsOn(Topics.PATIENTS).getFirst()).birthDate())
                .isEqualTo(LocalDate.of(2020, 3, 14));
        assertThat(((LabResultRecorded) publisher.payloadsOn(Topics.LAB_RESULTS).getFirst()).patientId())
                .isEqualTo("000004");
        assertThat(((PatientRecorded) publisher.payloadsOn(Topics.PATIENTS).getFirst()).recordedAt())
                .as("meta.lastUpdated, already before the result")
                .isEqualTo(java.time.Instant.parse("2026-11-16T06:55:00Z"));
    }

    /** Monitoring takes the lowest clinical time first: the child's age must reach it before her first result. */
    @Test
    void aTransactionsPatientWithoutLastUpdatedIsStatedJustBeforeItsEarliestResult() {
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11","resource":%s,
                  "request":{"method":"POST","url":"Patient"}},
                 {"resource":{"resourceType":"Observation","identifier":[{"system":"urn:lab","value":"anc-10"}],
                   "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},
                   "subject":{"reference":"urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11"},
                   "effectiveDateTime":"2026-11-21T07:45:00Z",
                   "valueQuantity":{"value":0.4,"system":"http://unitsofmeasure.org","code":"10*9/L"}},
                  "request":{"method":"POST","url":"Observation"}}]}""".formatted(
                        patient("2020-03-14").replace("\"meta\":{\"lastUpdated\":\"2026-11-16T06:55:00Z\"},", ""));

        assertThat(ingest.bundle(bundle, SENDER).status()).isEqualTo(200);

        assertThat(((PatientRecorded) publisher.payloadsOn(Topics.PATIENTS).getFirst()).recordedAt())
                .isEqualTo(java.time.Instant.parse("2026-11-21T07:44:59.999Z"));
    }

    private static java.util.List<OperationOutcome.OperationOutcomeIssueComponent> errors(Resource outcome) {
        return ((OperationOutcome) outcome)
                .getIssue().stream()
                        .filter(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                        .toList();
    }
}
