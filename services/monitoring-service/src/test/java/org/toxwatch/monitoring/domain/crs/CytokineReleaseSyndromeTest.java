package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.drugGiven;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStopped;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingSettings;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;
import org.toxwatch.monitoring.domain.units.VitalSign;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;
import org.toxwatch.monitoring.domain.windows.WindowDefinition;

/**
 * CRS (CRITERIA.md section 4) on a patient's state: graded only inside a CRS window (4.5), from the temperatures of
 * the last 24 h, the latest blood pressure, running vasopressors, the oxygen support and a fever masked by a drug (4.1).
 */
class CytokineReleaseSyndromeTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);

    private static @Nullable Assessment find(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElse(null);
    }

    private @Nullable Assessment assess(Criterion criterion, Object... events) {
        return find(grader.assessAll(fold(events)), criterion);
    }

    @Test
    void doesNotRunOutsideATherapyWindow() {
        assertThat(assess(
                        Criterion.CYTOKINE_RELEASE_SYNDROME,
                        vitalsAt(NOW).temperature("39.0").build()))
                .isNull();
    }

    @ParameterizedTest(name = "CAR-T day {0} -> CRS graded: {1}")
    @CsvSource({"0, true", "28, true", "29, false"})
    void runsFromCarTDay0ToDay28(long day, boolean graded) {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vitalsAt(daysAfter(day)).temperature("39.0").build());

        assertThat(assessment != null).isEqualTo(graded);
    }

    @ParameterizedTest(name = "{0} h after the infusion stopped -> CRS graded: {1}")
    @CsvSource({"1, true", "48, true", "49, false"})
    void runsDuringABlinatumomabInfusionAnd48HoursAfter(long hoursAfterStop, boolean graded) {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                infusionStarted(NOW),
                infusionStopped(daysAfter(3)),
                vitalsAt(daysAfter(3).plusSeconds(hoursAfterStop * 3600))
                        .temperature("39.0")
                        .build());

        assertThat(assessment != null).isEqualTo(graded);
    }

    @Test
    void runsWhileTheInfusionRuns() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                infusionStarted(NOW),
                vitalsAt(daysAfter(10)).temperature("38.0").build());

        assertThat(assessment.grade()).isEqualTo(1);
    }

    @ParameterizedTest(name = "fever with systolic {0} / MAP {1} -> grade {2}")
    @CsvSource({
        "89, ,  2",
        "90, ,  1",
        ",   64, 2",
        ",   65, 1",
    })
    void readsHypotensionFromTheLatestBloodPressure(String systolic, String meanArterial, int expected) {
        var vitals = vitalsAt(daysAfter(2)).temperature("39.0");
        if (systolic != null) {
            vitals.systolic(systolic);
        }
        if (meanArterial != null) {
            vitals.meanArterial(meanArterial);
        }

        var assessment = assess(Criterion.CYTOKINE_RELEASE_SYNDROME, carTInfused(NOW), vitals.build());

        assertThat(assessment.grade()).isEqualTo(expected);
    }

    @Test
    void gradesFromTheLatestBloodPressureOnly() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vitalsAt(daysAfter(2)).temperature("39.0").systolic("85").build(),
                vitalsAt(daysAfter(2).plusSeconds(3600)).systolic("110").build());

        assertThat(assessment.grade()).isEqualTo(1);
    }

    @Test
    void takesTheSystolicAndTheMeanPressureOfOneMomentAsOneReadingWhicheverArrivedLast() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vitalsAt(daysAfter(2)).temperature("39.0").systolic("85").build(),
                vitalsAt(daysAfter(2)).meanArterial("66").build());

        assertThat(assessment.grade()).as("85 mmHg systolic is hypotension").isEqualTo(2);
        assertThat(assessment.evidence())
                .extracting(Evidence::code)
                .contains(VitalSign.SYSTOLIC_BP.loinc(), VitalSign.MEAN_ARTERIAL_PRESSURE.loinc());
    }

    @Test
    void countsRunningVasopressors() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vasopressorsRunning(daysAfter(2), 1, false),
                vitalsAt(daysAfter(2).plusSeconds(600)).temperature("39.5").build());

        assertThat(assessment.grade()).isEqualTo(3);
    }

    @Test
    void passesTheOxygenSupport() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vitalsAt(daysAfter(2))
                        .temperature("39.5")
                        .oxygen(OxygenDevice.NASAL_CANNULA, "2")
                        .build());

        assertThat(assessment.grade()).isEqualTo(2);
    }

    @Test
    void looksAtTemperaturesOfTheLast24HoursOnly() {
        var assessment = assess(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                carTInfused(NOW),
                vitalsAt(daysAfter(1)).temperature("39.0").build(),
                vitalsAt(daysAfter(2).plusSeconds(60))
                        .temperature("37.0")
                        .systolic("85")
                        .build());

        assertThat(assessment.grade()).isZero();
    }

    @Nested
    class FeverMasking {

        private final TherapyEventRecorded infusion = carTInfused(NOW);
        private final VitalSignsRecorded fever =
                vitalsAt(daysAfter(1)).temperature("39.0").build();
        private final VitalSignsRecorded afebrileAndHypotensive =
                vitalsAt(daysAfter(3)).temperature("37.0").systolic("85").build();

        @Test
        void keepsGradingAFeverSuppressedByTocilizumab() {
            var assessment = assess(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    infusion,
                    fever,
                    drugGiven(SupportiveDrug.TOCILIZUMAB, daysAfter(1).plusSeconds(3600)),
                    afebrileAndHypotensive);

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.evidence())
                    .anySatisfy(evidence -> assertThat(evidence.display()).contains("TOCILIZUMAB"));
        }

        @ParameterizedTest(name = "{0} after the fever masks it")
        @CsvSource({"SILTUXIMAB", "ANAKINRA", "CORTICOSTEROID", "ANTIPYRETIC"})
        void isMaskedByEveryDrugOfTheCriteria(SupportiveDrug drug) {
            var assessment = assess(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    infusion,
                    fever,
                    drugGiven(drug, daysAfter(2)),
                    afebrileAndHypotensive);

            assertThat(assessment.grade()).isEqualTo(2);
        }

        @Test
        void isNotMaskedWithoutADrug() {
            var assessment = assess(Criterion.CYTOKINE_RELEASE_SYNDROME, infusion, fever, afebrileAndHypotensive);

            assertThat(assessment.grade()).isZero();
        }

        @Test
        void isNotMaskedByADrugGivenBeforeTheFever() {
            var assessment = assess(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    infusion,
                    drugGiven(SupportiveDrug.TOCILIZUMAB, hoursAfter(12)),
                    fever,
                    afebrileAndHypotensive);

            assertThat(assessment.grade()).isZero();
        }

        @Test
        void ignoresAFeverBeforeTheCarTInfusion() {
            var assessment = assess(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    enrolled(Therapy.CAR_T, daysBefore(5)),
                    vitalsAt(daysBefore(1)).temperature("39.0").build(),
                    infusion,
                    drugGiven(SupportiveDrug.ANTIPYRETIC, hoursAfter(1)),
                    afebrileAndHypotensive);

            assertThat(assessment.grade()).isZero();
        }
    }

    @Nested
    class ConfiguredCarTWindows {

        @ParameterizedTest(name = "CRS and ICANS window day 0-{0}, fever on day 22 -> CRS graded {1}")
        @CsvSource({"28, true", "21, false"})
        void endCarTCrsGradingWhereTheHospitalSetsIt(int lastDay, boolean graded) {
            var defaults = CarTMonitoringWindows.defaults();
            var windows = new CarTMonitoringWindows(
                    new WindowDefinition("CRS and ICANS grading", 0, lastDay, false, "hospital setting"),
                    defaults.intensive(),
                    defaults.labels());
            var configured =
                    new ToxicityGrader(ZoneOffset.UTC, new GradingSettings(BlincytoGradingSystem.ASTCT_2019, windows));

            var crs = find(
                    configured.assessAll(fold(
                            carTInfused(NOW),
                            vitalsAt(daysAfter(22)).temperature("38.6").build())),
                    Criterion.CYTOKINE_RELEASE_SYNDROME);

            assertThat(crs != null).isEqualTo(graded);
        }
    }
}
