package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aTransfer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.patient.PatientProfile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patient records (clinical.patients.v1) reach the per-patient state: the birth date and sex are kept for the
 * age- and sex-aware rules, nothing else of the record is, a record alone grades nothing, and an unusable record is
 * dead-lettered without the patient's details in its reason.
 */
class PatientRecordsTopologyTest {

    private static final String PATIENT = "MRN-PED-1";
    private static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");
    private static final LocalDate BORN = LocalDate.parse("2020-06-01");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, meterRegistry);
    private final TestInputTopic<String, PatientRecorded> patients = TopologyDrivers.patients(driver, serdes);
    private final TestInputTopic<String, byte[]> rawPatients =
            driver.createInputTopic(Topics.PATIENTS, new StringSerializer(), new ByteArraySerializer());
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);
    private final TestOutputTopic<String, PatientGradesSnapshot> grades = TopologyDrivers.patientGrades(driver, serdes);
    private final TestOutputTopic<String, RejectedInput> deadLetters = driver.createOutputTopic(
            Topics.PATIENTS_DLT, new StringDeserializer(), serdes.deadLetters().deserializer());
    private final KeyValueStore<String, PatientState> states =
            driver.getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aPatientRecordAloneIsKeptForGradingButPublishesNoAssessment() {
        patients.pipeInput(PATIENT, aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        assertThat(assessments.isEmpty()).isTrue();
        assertThat(grades.isEmpty()).isTrue();
        assertThat(states.get(PATIENT).profile()).isEqualTo(new PatientProfile(BORN, AdministrativeSex.FEMALE));
        assertThat(states.get(PATIENT).newestEventTime()).isNull();
    }

    @Test
    void aTransferThatStatesNoBirthDateOrSexLeavesTheStoredStateAsItWas() {
        patients.pipeInput(PATIENT, aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));
        var before = states.get(PATIENT);

        patients.pipeInput(PATIENT, aTransfer(PATIENT, MONDAY.plus(Duration.ofHours(3))));

        assertThat(states.get(PATIENT)).isEqualTo(before);
        assertThat(assessments.isEmpty()).isTrue();
    }

    @Test
    void anOlderRecordArrivingLaterDoesNotReplaceTheBirthDate() {
        patients.pipeInput(PATIENT, aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        patients.pipeInput(
                PATIENT,
                aPatientRecord(PATIENT, MONDAY.minus(Duration.ofDays(2)), LocalDate.parse("1990-01-01"), null));

        assertThat(states.get(PATIENT).profile().birthDate()).isEqualTo(BORN);
    }

    @Test
    void aBirthDateAfterTheRecordIsDeadLetteredWithoutTheDateInItsReason() {
        var bornLater = LocalDate.parse("2026-12-24");

        patients.pipeInput(PATIENT, aPatientRecord(PATIENT, MONDAY, bornLater, AdministrativeSex.MALE));

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.targetTopic()).isEqualTo(Topics.PATIENTS);
            assertThat(deadLetter.reasons())
                    .singleElement()
                    .asString()
                    .contains("the birth date is before")
                    .doesNotContain("2026-12-24")
                    .doesNotContain(PATIENT);
        });
        assertThat(states.get(PATIENT)).isNull();
    }

    @Test
    void aTombstoneForAPatientKnownOnlyByTheirRecordRemovesTheStoredStateAndIsNoDeadLetter() {
        patients.pipeInput(PATIENT, aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        patients.pipeInput(PATIENT, (PatientRecorded) null);

        assertThat(states.get(PATIENT)).isNull();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(assessments.isEmpty()).isTrue();
    }

    @Test
    void aTombstoneForAnUnknownPatientChangesNothing() {
        patients.pipeInput(PATIENT, (PatientRecorded) null);

        assertThat(states.get(PATIENT)).isNull();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anUnreadablePatientRecordGoesToItsDeadLetterTopicAndTheNextIsRead() {
        rawPatients.pipeInput(PATIENT, "not json at all".getBytes(StandardCharsets.UTF_8));
        patients.pipeInput("MRN-2", aPatientRecord("MRN-2", MONDAY, BORN, null));

        assertThat(meterRegistry
                        .counter("toxwatch.monitoring.poison.records", "topic", Topics.PATIENTS)
                        .count())
                .isEqualTo(1.0);
        assertThat(states.get("MRN-2").profile().birthDate()).isEqualTo(BORN);
    }
}
