package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's paediatric patient through the production topology: a 6-year-old after CD19/CD22 CAR-T whose fever at
 * 86/50 mmHg (MAP 62; normal for age, "hypotension" by the adult rule) stays CRS 1 and says why; whose pressure then falls
 * below the PALS limit while a vasopressor starts (CRS 3); and whose birth date, when it arrives only after the
 * vitals, re-grades what the adult limits had graded.
 */
class CrsByAgeTopologyTest {

    private static final Instant INFUSION = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant DAY_1 = INFUSION.plus(Duration.ofDays(1));
    private static final LocalDate SIX_YEARS_BEFORE = LocalDate.parse("2020-06-01");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(
            new ToxicityGrader(ZoneId.of("Europe/Berlin")), serdes, new SimpleMeterRegistry());
    private final TestInputTopic<String, PatientRecorded> patients = TopologyDrivers.patients(driver, serdes);
    private final TestInputTopic<String, VitalSignsRecorded> vitals = TopologyDrivers.vitalSigns(driver, serdes);
    private final TestInputTopic<String, TherapyEventRecorded> therapy = TopologyDrivers.therapyEvents(driver, serdes);
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);
    private final List<ToxicityAssessed> crsPublished = new ArrayList<>();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aSixYearOldsFeverAt86Over50IsCrs1ThenCrs3WhenThePressureFallsBelowAgeAndAVasopressorStarts() {
        patients.pipeInput(
                PATIENT,
                aPatientRecord(PATIENT, INFUSION.minus(Duration.ofDays(3)), SIX_YEARS_BEFORE, AdministrativeSex.MALE));
        therapy.pipeInput(PATIENT, carTInfused(INFUSION));

        vitals.pipeInput(PATIENT, feverAt(DAY_1, "86", "62"));

        var febrile = lastCrs();
        assertThat(febrile.grade()).isEqualTo(1);
        assertThat(febrile.summary())
                .contains(
                        "systolic 86 mmHg, MAP 62 mmHg, not below the hypotension limit systolic < 82 mmHg (PALS, age 6 years)");
        assertThat(febrile.thresholds())
                .contains(new AppliedThreshold(
                        2, "hypotension without vasopressors: systolic < 82 mmHg (PALS, age 6 years)", false));

        vitals.pipeInput(PATIENT, feverAt(DAY_1.plus(Duration.ofHours(4)), "80", "57"));
        therapy.pipeInput(
                PATIENT, vasopressorsRunning(DAY_1.plus(Duration.ofHours(4).plusMinutes(10)), 1, false));

        var published = crsGrades();
        assertThat(published).containsExactly(1, 2, 3);
        assertThat(lastCrs().summary())
                .contains("hypotension needing one vasopressor")
                .contains(
                        "systolic 80 mmHg, MAP 57 mmHg, below the hypotension limit systolic < 82 mmHg (PALS, age 6 years)");
    }

    @Test
    void aBirthDateArrivingAfterTheVitalsRegradesWhatTheAdultLimitsHadGraded() {
        therapy.pipeInput(PATIENT, carTInfused(INFUSION));
        vitals.pipeInput(PATIENT, feverAt(DAY_1, "86", "62"));

        var byAdultLimits = lastCrs();
        assertThat(byAdultLimits.grade()).isEqualTo(2);
        assertThat(byAdultLimits.summary()).contains("age unknown — adult thresholds");

        var record = aPatientRecord(PATIENT, DAY_1.plus(Duration.ofHours(1)), SIX_YEARS_BEFORE, null);
        patients.pipeInput(PATIENT, record);

        var byAge = lastCrs();
        assertThat(byAge.grade()).isEqualTo(1);
        assertThat(byAge.previousGrade()).isEqualTo(2);
        assertThat(byAge.sourceMessageId()).isEqualTo(record.sourceMessageId());
        assertThat(byAge.summary()).contains("(PALS, age 6 years)");
    }

    @Test
    void aRemovedPatientRecordForgetsTheBirthDateAndTheAdultLimitsApplyAgain() {
        patients.pipeInput(
                PATIENT, aPatientRecord(PATIENT, INFUSION.minus(Duration.ofDays(3)), SIX_YEARS_BEFORE, null));
        therapy.pipeInput(PATIENT, carTInfused(INFUSION));
        vitals.pipeInput(PATIENT, feverAt(DAY_1, "86", "62"));
        assertThat(lastCrs().grade()).isEqualTo(1);

        patients.pipeInput(PATIENT, (PatientRecorded) null);

        var withoutAge = lastCrs();
        assertThat(withoutAge.grade()).isEqualTo(2);
        assertThat(withoutAge.summary()).contains("age unknown — adult thresholds");
        assertThat(withoutAge.sourceMessageId()).isEqualTo(PatientGradingProcessor.PATIENT_RECORD_REMOVED);
    }

    private static VitalSignsRecorded feverAt(Instant at, String systolic, String meanArterial) {
        return vitalsAt(at)
                .temperature("38.6")
                .systolic(systolic)
                .meanArterial(meanArterial)
                .build();
    }

    /** Every CRS assessment published so far, oldest first. */
    private List<ToxicityAssessed> readCrs() {
        assessments.readValuesToList().stream()
                .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                .forEach(crsPublished::add);
        return crsPublished;
    }

    private ToxicityAssessed lastCrs() {
        return readCrs().getLast();
    }

    private List<Integer> crsGrades() {
        return readCrs().stream().map(ToxicityAssessed::grade).toList();
    }
}
