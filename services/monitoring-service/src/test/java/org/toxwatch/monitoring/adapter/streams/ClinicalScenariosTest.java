package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clinical courses through the production topology, as a clinician would follow them: what is published,
 * in which order. Thresholds are tested in the domain; here the question is what the stream makes of a course.
 */
class ClinicalScenariosTest {

    private static final String PATIENT = "MRN-SCENARIO";
    private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, new SimpleMeterRegistry());
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestInputTopic<String, VitalSignsRecorded> vitals = TopologyDrivers.vitalSigns(driver, serdes);
    private final TestInputTopic<String, TherapyEventRecorded> therapy = TopologyDrivers.therapyEvents(driver, serdes);
    private final TestInputTopic<String, NeurologicAssessmentRecorded> neuro =
            TopologyDrivers.neuroAssessments(driver, serdes);
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void crsRisesFromOneToThreeOverHoursAndFallsBackToOneAfterTocilizumabAndPressorWeaning() {
        give(therapyEvent(TherapyEventType.ENROLLED, T0, null, null));
        give(therapyEvent(TherapyEventType.INFUSION_STARTED, T0, null, null));
        measure(vital(hours(6)).temperature("38.5"));
        measure(vital(hours(10)).temperature("39.0").systolic("85"));
        UUID vasopressor =
                give(therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, hours(11), SupportiveDrug.VASOPRESSOR, 1));
        give(therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, hours(12), SupportiveDrug.TOCILIZUMAB, null));
        measure(vital(hours(16)).temperature("37.0"));
        measure(vital(hours(19)).systolic("110"));
        give(therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, hours(20), SupportiveDrug.VASOPRESSOR, 0));
        measure(vital(hours(36)).temperature("36.9"));

        List<ToxicityAssessed> crs = published(Criterion.CYTOKINE_RELEASE_SYNDROME);

        assertThat(crs).extracting(ToxicityAssessed::grade).containsExactly(1, 2, 3, 1);
        assertThat(crs).extracting(ToxicityAssessed::previousGrade).containsExactly(null, 1, 2, 3);
        assertThat(crs.get(2).evidence()).extracting(e -> e.eventId()).contains(vasopressor);
        assertThat(crs.get(2).therapyContext().therapy()).isEqualTo(Therapy.BLINATUMOMAB);
    }

    @Test
    void icansWorsensOverDaysIsCorrectedDownAndIsNotMovedByALateEarlierAssessment() {
        give(therapyEvent(TherapyEventType.CAR_T_INFUSED, T0, null, null));
        assess(neuroAssessment(days(2), 10, LevelOfConsciousness.ALERT, ResultStatus.FINAL));
        assess(neuroAssessment(days(4), 8, LevelOfConsciousness.ALERT, ResultStatus.FINAL));
        assess(neuroAssessment(days(5), 2, LevelOfConsciousness.ALERT, ResultStatus.FINAL));
        // the day-5 ICE was mis-scored: corrected to 5
        assess(neuroAssessment(days(5), 5, LevelOfConsciousness.ALERT, ResultStatus.CORRECTED));
        // charted on day 3, sent after the day-5 correction: older than the newest, so it changes nothing
        assess(neuroAssessment(days(3), 9, LevelOfConsciousness.ALERT, ResultStatus.FINAL));
        UUID unarousable = assess(neuroAssessment(days(6), null, LevelOfConsciousness.UNAROUSABLE, ResultStatus.FINAL));

        List<ToxicityAssessed> icans = published(Criterion.ICANS);

        assertThat(icans).extracting(ToxicityAssessed::grade).containsExactly(0, 1, 3, 2, 4);
        assertThat(icans).extracting(ToxicityAssessed::previousGrade).containsExactly(null, 0, 1, 3, 2);
        assertThat(icans.getLast().criterionId()).isEqualTo("ASTCT-2019/icans");
        assertThat(icans.getLast().evidence()).extracting(e -> e.eventId()).containsOnly(unarousable);
        assertThat(icans.getLast().therapyContext().daySinceInfusion()).isEqualTo(6);
    }

    @Test
    void blinatumomabIsInterruptedForAnAltAboveFiveTimesUlnUntilTheLaboratoryCorrectsIt() {
        give(therapyEvent(TherapyEventType.ENROLLED, T0, null, null));
        give(therapyEvent(TherapyEventType.INFUSION_STARTED, T0, null, null));
        collect(anAlt("130", hours(24), "alt-1", ResultStatus.FINAL));
        collect(anAlt("201", hours(48), "alt-2", ResultStatus.FINAL)); // > 5 x ULN 40
        collect(anAlt("190", hours(48), "alt-2", ResultStatus.CORRECTED));

        List<ToxicityAssessed> actions = published(Criterion.BLINCYTO_ACTION);

        assertThat(actions).extracting(ToxicityAssessed::grade).containsExactly(0, 1, 0);
        assertThat(actions.get(1).criterionId()).isEqualTo("BLINCYTO-USPI-current/dose_action");
        assertThat(actions.get(1).summary()).contains("TRANSAMINASES");
        assertThat(actions.get(1).therapyContext().highIntensityMonitoring()).isTrue();
        assertThat(actions.get(1).therapyContext().monitoringWindows())
                .singleElement()
                .asString()
                .contains("cycle 1 day 3");
    }

    @Test
    void feverSustainedForMoreThanAnHourWithAnAncBelowOneIsFebrileNeutropenia() {
        collect(anAnc("0.8", hours(0)));
        measure(vital(hours(1)).temperature("38.1"));
        measure(vital(hours(1).plus(Duration.ofMinutes(65))).temperature("38.2"));

        assertThat(published(Criterion.FEBRILE_NEUTROPENIA))
                .extracting(ToxicityAssessed::grade)
                .containsExactly(0, 3);
    }

    @Test
    void feverBelow38Point3ForLessThanAnHourIsNotFebrileNeutropenia() {
        collect(anAnc("0.8", hours(0)));
        measure(vital(hours(1)).temperature("38.1"));
        measure(vital(hours(1).plus(Duration.ofMinutes(50))).temperature("38.2"));

        assertThat(published(Criterion.FEBRILE_NEUTROPENIA))
                .extracting(ToxicityAssessed::grade)
                .containsExactly(0);
    }

    @Test
    void aTwoDayRecoveryBetweenNeutropenicDaysIsBridgedInEarlyIcaht() {
        give(therapyEvent(TherapyEventType.CAR_T_INFUSED, T0, null, null));
        for (int day = 0; day <= 13; day++) {
            String anc = day == 7 || day == 8 ? "0.7" : "0.3";
            collect(anAnc(anc, T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(1))));
        }

        List<ToxicityAssessed> icaht = published(Criterion.ICAHT_EARLY);

        // Days 0-6 and 9-13 at or below 500 cells/uL (12 days) plus the 2 bridged days: D500 = 14, grade 3.
        assertThat(icaht.getLast().grade()).isEqualTo(3);
        assertThat(icaht.getLast().summary()).contains("D500 = 14");
    }

    @Test
    void aCancelledResultIsWithdrawnAndTheGradeFallsBackToTheResultBeforeIt() {
        collect(anAnc("1.2", hours(0)));
        var wrong = anAnc("0.2", hours(6));
        collect(wrong);
        collect(new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                wrong.observedAt(),
                wrong.receivedAt().plusSeconds(3600),
                "lis",
                "lab-cancel",
                wrong.sourceObservationId(),
                "751-8",
                null,
                null,
                null,
                ResultStatus.CANCELLED));

        assertThat(published(Criterion.NEUTROPHIL_COUNT_DECREASED))
                .extracting(ToxicityAssessed::grade)
                .containsExactly(2, 4, 2);
    }

    @Test
    void aResultCollectedEarlierButReportedLaterDoesNotOverrideTheNewestCollection() {
        collect(anAnc("0.3", hours(12)));
        collect(anAnc("1.6", hours(2)));

        assertThat(published(Criterion.NEUTROPHIL_COUNT_DECREASED))
                .extracting(ToxicityAssessed::grade)
                .containsExactly(4);
    }

    private List<ToxicityAssessed> published(Criterion criterion) {
        return assessments.readValuesToList().stream()
                .filter(a -> a.criterion() == criterion)
                .toList();
    }

    private static Instant hours(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private void collect(LabResultRecorded result) {
        labs.pipeInput(PATIENT, result, result.observedAt());
    }

    private void measure(Vital vital) {
        vitals.pipeInput(PATIENT, vital.build(), vital.at);
    }

    private UUID give(TherapyEventRecorded event) {
        therapy.pipeInput(PATIENT, event, event.occurredAt());
        return event.eventId();
    }

    private UUID assess(NeurologicAssessmentRecorded assessment) {
        neuro.pipeInput(PATIENT, assessment, assessment.observedAt());
        return assessment.eventId();
    }

    private static Instant days(long days) {
        return T0.plus(Duration.ofDays(days)).plus(Duration.ofHours(3));
    }

    private static NeurologicAssessmentRecorded neuroAssessment(
            Instant at, @Nullable Integer iceScore, LevelOfConsciousness consciousness, ResultStatus status) {
        return new NeurologicAssessmentRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(600),
                "charting",
                "neuro-" + at.toEpochMilli() + "-" + status,
                iceScore,
                null,
                consciousness,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                status);
    }

    private static LabResultRecorded anAlt(
            String value, Instant collectedAt, String observationId, ResultStatus status) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                collectedAt,
                collectedAt.plus(Duration.ofMinutes(status == ResultStatus.CORRECTED ? 300 : 40)),
                "lis",
                "lab-" + observationId + "-" + status,
                observationId,
                "1742-6",
                new BigDecimal(value),
                "U/L",
                new ReferenceRange(null, new BigDecimal("40")),
                status);
    }

    private static LabResultRecorded anAnc(String value, Instant collectedAt) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                collectedAt,
                collectedAt.plus(Duration.ofMinutes(40)),
                "lis",
                "lab-" + collectedAt.toEpochMilli(),
                "obx-" + collectedAt.toEpochMilli(),
                "751-8",
                new BigDecimal(value),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.FINAL);
    }

    private static TherapyEventRecorded therapyEvent(
            TherapyEventType type, Instant at, @Nullable SupportiveDrug drug, @Nullable Integer vasopressors) {
        Therapy given =
                drug != null ? null : type == TherapyEventType.CAR_T_INFUSED ? Therapy.CAR_T : Therapy.BLINATUMOMAB;
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(60),
                "mar",
                "mar-" + type + "-" + at.toEpochMilli(),
                type,
                given,
                null,
                null,
                null,
                null,
                null,
                drug,
                vasopressors,
                drug == SupportiveDrug.VASOPRESSOR ? Boolean.FALSE : null);
    }

    private static Vital vital(Instant at) {
        return new Vital(at);
    }

    private static final class Vital {
        private final Instant at;
        private @Nullable BigDecimal temperature;
        private @Nullable BigDecimal systolic;

        Vital(Instant at) {
            this.at = at;
        }

        Vital temperature(String celsius) {
            temperature = new BigDecimal(celsius);
            return this;
        }

        Vital systolic(String mmHg) {
            systolic = new BigDecimal(mmHg);
            return this;
        }

        VitalSignsRecorded build() {
            return new VitalSignsRecorded(
                    UUID.randomUUID(),
                    PATIENT,
                    at,
                    at.plusSeconds(120),
                    "icu",
                    "vs-" + at.toEpochMilli(),
                    temperature,
                    null,
                    systolic,
                    null,
                    null,
                    null,
                    null,
                    OxygenDevice.NONE,
                    null,
                    null,
                    ResultStatus.FINAL);
        }
    }
}
