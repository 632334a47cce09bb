package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.drugGiven;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStopped;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.VitalSign;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;
import org.toxwatch.monitoring.domain.windows.WindowDefinition;

/** Grading a whole patient state: which criteria run, with what data, and what gets published. */
class ToxicityGraderTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);

    private static PatientState fold(Object... events) {
        var state = PatientState.empty(PATIENT);
        for (var event : events) {
            state = switch (event) {
                case LabResultRecorded lab -> state.apply(lab);
                case VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case NeurologicAssessmentRecorded neuro -> state.apply(neuro);
                default -> throw new IllegalArgumentException(event.toString());
            };
        }
        return state;
    }

    private static @Nullable Assessment find(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElse(null);
    }

    private @Nullable Assessment assess(Criterion criterion, Object... events) {
        return find(grader.assessAll(fold(events)), criterion);
    }

    @Nested
    class LaboratoryTerms {

        @Test
        void gradesTheNewestResultByCollectionTimeEvenWhenAnOlderOneArrivesLater() {
            var assessment = assess(
                    Criterion.PLATELET_COUNT_DECREASED,
                    aLab(Analyte.PLATELETS)
                            .value("40")
                            .range("150", "400")
                            .at(hoursAfter(2))
                            .build(),
                    aLab(Analyte.PLATELETS)
                            .value("160")
                            .range("150", "400")
                            .at(hoursAfter(1))
                            .build());

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.assessedAt()).isEqualTo(hoursAfter(2));
        }

        @Test
        void producesOnlyTermsThatHaveAValue() {
            var assessments =
                    grader.assessAll(fold(aLab(Analyte.ANC).value("0.4").build()));

            assertThat(assessments)
                    .extracting(Assessment::criterion)
                    .containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED);
        }

        @Test
        void producesBothPotassiumDirections() {
            var assessments =
                    grader.assessAll(fold(aLab(Analyte.POTASSIUM).value("6.1").build()));

            assertThat(assessments)
                    .extracting(Assessment::criterion, Assessment::grade)
                    .containsExactly(tuple(Criterion.HYPERKALEMIA, 3), tuple(Criterion.HYPOKALEMIA, 0));
        }

        @Test
        void isNotAssessableForAUnitTheTableDoesNotMap() {
            var assessment = assess(
                    Criterion.PLATELET_COUNT_DECREASED,
                    aLab(Analyte.PLATELETS).value("150").unit("mg").build());

            assertThat(assessment.grade()).isNull();
            assertThat(assessment.notAssessableReason()).contains("'mg'").contains("Platelets");
            assertThat(assessment.evidence()).singleElement().satisfies(evidence -> {
                assertThat(evidence.unit()).isEqualTo("mg");
                assertThat(evidence.canonicalValue()).isNull();
            });
        }

        @Test
        void gradesWithTheBaselineOfTheEpisodeTheResultFallsIn() {
            var baseline = aLab(Analyte.ALT)
                    .value("100")
                    .range(null, "40")
                    .at(daysBefore(2))
                    .build();
            var later = aLab(Analyte.ALT)
                    .value("140")
                    .range(null, "40")
                    .at(daysAfter(3))
                    .build();

            var withEpisode = assess(
                    Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
                    baseline,
                    enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, NOW),
                    later);
            var withoutEpisode = assess(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, baseline, later);

            assertThat(withEpisode.grade()).isZero();
            assertThat(withoutEpisode.grade()).isEqualTo(2);
        }

        @Test
        void gradesCreatinineAgainstTheEpisodeBaseline() {
            var assessment = assess(
                    Criterion.CREATININE_INCREASED,
                    aLab(Analyte.CREATININE)
                            .value("0.5")
                            .range("0.6", "1.2")
                            .at(daysBefore(1))
                            .build(),
                    enrolled(Therapy.BLINATUMOMAB, NOW),
                    aLab(Analyte.CREATININE)
                            .value("0.8")
                            .range("0.6", "1.2")
                            .at(daysAfter(2))
                            .build());

            assertThat(assessment.grade()).isEqualTo(2);
        }

        @ParameterizedTest(name = "albumin {0} h after the total calcium -> grade {1}")
        @CsvSource({
            "23, 0", // corrected 7.6 + 0.8 x (4.0 - 2.0) = 9.2
            "-23, 0", "25, 2", // too far: the total calcium is graded uncorrected
        })
        void correctsTotalCalciumWithAnAlbuminWithin24Hours(long albuminHours, int expected) {
            var assessment = assess(
                    Criterion.HYPOCALCEMIA_CORRECTED,
                    aLab(Analyte.CALCIUM_TOTAL).value("7.6").at(NOW).build(),
                    aLab(Analyte.ALBUMIN)
                            .value("2.0")
                            .at(hoursAfter(albuminHours))
                            .build());

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void prefersTheLaboratorysCorrectedCalciumFromTheSameSpecimen() {
            var assessment = assess(
                    Criterion.HYPOCALCEMIA_CORRECTED,
                    aLab(Analyte.CALCIUM_TOTAL).value("7.6").build(),
                    aLab(Analyte.CALCIUM_CORRECTED).value("8.8").build());

            assertThat(assessment.grade()).isZero();
        }
    }

    @Nested
    class TherapyContextOfAnAssessment {

        private final ToxicityGrader inBerlin = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

        @Test
        void isAbsentOutsideAnyEpisode() {
            var assessment = assess(
                    Criterion.NEUTROPHIL_COUNT_DECREASED,
                    aLab(Analyte.ANC).value("0.4").build());

            assertThat(assessment.therapyContext()).isNull();
        }

        @ParameterizedTest(name = "result at {0}: day {1} of therapy, day {2} since infusion")
        @CsvSource({
            "2026-03-11T22:30:00Z, 6, 0", // 23:30 in Berlin, still the infusion's calendar day
            "2026-03-11T23:30:00Z, 7, 1", // 00:30 the next day in Berlin
            "2026-03-06T12:00:00Z, 1, -5",
        })
        void countsCalendarDaysInTheHospitalZoneFromDayZero(
                Instant collectedAt, int dayOfTherapy, int daySinceInfusion) {
            var state = fold(
                    enrolled(Therapy.CAR_T, Instant.parse("2026-03-05T10:00:00Z")),
                    carTInfused(Instant.parse("2026-03-10T23:30:00Z")), // 00:30 on 11 March in Berlin
                    aLab(Analyte.ANC).value("0.4").at(collectedAt).build());

            var context = find(inBerlin.assessAll(state), Criterion.NEUTROPHIL_COUNT_DECREASED)
                    .therapyContext();

            assertThat(context.therapy()).isEqualTo(Therapy.CAR_T);
            assertThat(context.startedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
            assertThat(context.dayOfTherapy()).isEqualTo(dayOfTherapy);
            assertThat(context.daySinceInfusion()).isEqualTo(daySinceInfusion);
        }

        @Test
        void showsTheOpenCarTWindowsOfTheInfusedProduct() {
            var context = assess(
                            Criterion.NEUTROPHIL_COUNT_DECREASED,
                            enrolled(Therapy.CAR_T, daysBefore(5)),
                            carTInfused(NOW),
                            aLab(Analyte.ANC).value("0.4").at(daysAfter(3)).build())
                    .therapyContext();

            assertThat(context.highIntensityMonitoring()).isTrue();
            assertThat(context.monitoringWindows())
                    .contains("CAR-T intensive monitoring, day 0-14 (ToxWatch default)")
                    .anyMatch(window -> window.contains("KYMRIAH label 6/2025"));
        }

        @Test
        void flagsTheBlinatumomabHospitalizationWindowOfCycleOne() {
            var context = assess(
                            Criterion.NEUTROPHIL_COUNT_DECREASED,
                            enrolled(Therapy.BLINATUMOMAB, NOW),
                            infusionStarted(NOW),
                            aLab(Analyte.ANC).value("0.4").at(daysAfter(8)).build())
                    .therapyContext();

            assertThat(context.highIntensityMonitoring()).isTrue();
            assertThat(context.monitoringWindows()).singleElement().asString().contains("cycle 1 day 9");
        }

        @Test
        void isNotHighIntensityForInotuzumab() {
            var context = assess(
                            Criterion.NEUTROPHIL_COUNT_DECREASED,
                            enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, NOW),
                            aLab(Analyte.ANC).value("0.4").at(daysAfter(1)).build())
                    .therapyContext();

            assertThat(context.highIntensityMonitoring()).isFalse();
            assertThat(context.monitoringWindows()).isEmpty();
        }

        @Test
        void hasNoInfusionDayOutsideCarT() {
            var assessment = assess(
                    Criterion.NEUTROPHIL_COUNT_DECREASED,
                    infusionStarted(NOW),
                    aLab(Analyte.ANC).value("0.4").at(daysAfter(2)).build());

            assertThat(assessment.therapyContext().therapy()).isEqualTo(Therapy.BLINATUMOMAB);
            assertThat(assessment.therapyContext().dayOfTherapy()).isEqualTo(2);
            assertThat(assessment.therapyContext().daySinceInfusion()).isNull();
        }
    }

    @Nested
    class FebrileNeutropenia {

        @Test
        void runsWhenAnAncAndATemperatureExist() {
            var assessment = assess(
                    Criterion.FEBRILE_NEUTROPENIA,
                    aLab(Analyte.ANC).value("0.5").build(),
                    vitalsAt(hoursAfter(1)).temperature("38.5").build());

            assertThat(assessment.grade()).isEqualTo(3);
        }

        @Test
        void readsAncsReportedPerMicrolitre() {
            var assessment = assess(
                    Criterion.FEBRILE_NEUTROPENIA,
                    aLab(Analyte.ANC).value("500").unit("/uL").build(),
                    vitalsAt(hoursAfter(1)).temperature("38.5").build());

            assertThat(assessment.grade()).isEqualTo(3);
        }

        @Test
        void doesNotRunWithoutATemperature() {
            assertThat(assess(
                            Criterion.FEBRILE_NEUTROPENIA,
                            aLab(Analyte.ANC).value("0.5").build()))
                    .isNull();
        }
    }

    @Nested
    class CytokineReleaseSyndrome {

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
    }

    /** CRITERIA.md 9.1: only for an active blinatumomab episode, with what the episode has since T0. */
    @Nested
    class BlincytoActions {

        private final LabResultRecorded altAboveFiveTimesUln = aLab(Analyte.ALT)
                .value("201")
                .range(null, "40")
                .at(hoursAfter(30))
                .build();

        @Test
        void interruptForTransaminasesAboveFiveTimesUlnDuringTheInfusion() {
            var action = assess(
                    Criterion.BLINCYTO_ACTION,
                    enrolled(Therapy.BLINATUMOMAB, NOW),
                    infusionStarted(NOW),
                    altAboveFiveTimesUln);

            assertThat(action.grade()).isEqualTo(1);
            assertThat(action.therapyContext().therapy()).isEqualTo(Therapy.BLINATUMOMAB);
            assertThat(action.criterion().id()).isEqualTo("BLINCYTO-USPI-current/dose_action");
        }

        @Test
        void ignoresResultsCollectedBeforeT0() {
            var action = assess(
                    Criterion.BLINCYTO_ACTION,
                    aLab(Analyte.ALT)
                            .value("400")
                            .range(null, "40")
                            .at(daysBefore(2))
                            .build(),
                    enrolled(Therapy.BLINATUMOMAB, NOW),
                    infusionStarted(NOW),
                    vitalsAt(hoursAfter(2)).temperature("37.0").build());

            assertThat(action.grade()).isZero();
            assertThat(action.summary()).contains("Liver rows not evaluated");
        }

        @ParameterizedTest(name = "infusion stopped {0} days before the ALT -> produced: {1}")
        @CsvSource({"14, true", "15, false"})
        void stopsAfterTheTreatmentFreeIntervalWithoutARestart(long daysStopped, boolean produced) {
            var stop = hoursAfter(30).minus(Duration.ofDays(daysStopped));
            var action = assess(
                    Criterion.BLINCYTO_ACTION,
                    enrolled(Therapy.BLINATUMOMAB, stop.minus(Duration.ofDays(28))),
                    infusionStarted(stop.minus(Duration.ofDays(28))),
                    infusionStopped(stop),
                    altAboveFiveTimesUln);

            assertThat(action != null).isEqualTo(produced);
        }

        @Test
        void isNotProducedForACarTPatient() {
            assertThat(assess(
                            Criterion.BLINCYTO_ACTION,
                            enrolled(Therapy.CAR_T, daysBefore(5)),
                            carTInfused(NOW),
                            altAboveFiveTimesUln))
                    .isNull();
        }

        @Test
        void readsTheIcansGradeOfTheEpisodesNeurologicalAssessments() {
            var action = assess(
                    Criterion.BLINCYTO_ACTION,
                    enrolled(Therapy.BLINATUMOMAB, NOW),
                    infusionStarted(NOW),
                    neuroAssessment(hoursAfter(20), null, LevelOfConsciousness.UNAROUSABLE));

            assertThat(action.grade()).isEqualTo(2);
            assertThat(action.summary()).contains("NEURO_GRADE_4");
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

    @Nested
    class Icans {

        @Test
        void gradesTheNewestNeurologicalAssessmentInItsTherapyContext() {
            var icans = assess(
                    Criterion.ICANS,
                    enrolled(Therapy.CAR_T, daysBefore(5)),
                    carTInfused(NOW),
                    neuroAssessment(daysAfter(4), 5, LevelOfConsciousness.ALERT),
                    neuroAssessment(daysAfter(3), 9, LevelOfConsciousness.ALERT));

            assertThat(icans.grade()).isEqualTo(2);
            assertThat(icans.assessedAt()).isEqualTo(daysAfter(4));
            assertThat(icans.therapyContext().daySinceInfusion()).isEqualTo(4);
        }

        @Test
        void stillGradesANeurologicalEventAfterTheDay28CrsWindow() {
            var icans = assess(
                    Criterion.ICANS,
                    carTInfused(NOW),
                    neuroAssessment(daysAfter(40), null, LevelOfConsciousness.AWAKENS_TO_TACTILE));

            assertThat(icans.grade()).isEqualTo(3);
        }

        @Test
        void isNotProducedWithoutANeurologicalAssessment() {
            assertThat(assess(
                            Criterion.ICANS,
                            carTInfused(NOW),
                            vitalsAt(hoursAfter(2)).temperature("38.5").build()))
                    .isNull();
        }

        @Test
        void isPublishedWhenTheGradeChangesAndNotForTheSameGradeAgain() {
            var first = grader.reassess(
                    fold(carTInfused(NOW), neuroAssessment(daysAfter(2), 8, LevelOfConsciousness.ALERT)));

            var sameGrade = grader.reassess(first.state()
                    .apply(neuroAssessment(daysAfter(2).plusSeconds(3600), 7, LevelOfConsciousness.ALERT)));
            var worse = grader.reassess(
                    sameGrade.state().apply(neuroAssessment(daysAfter(3), 4, LevelOfConsciousness.ALERT)));

            assertThat(first.changed()).extracting(Assessment::criterion).contains(Criterion.ICANS);
            assertThat(sameGrade.changed()).extracting(Assessment::criterion).doesNotContain(Criterion.ICANS);
            assertThat(worse.changed())
                    .filteredOn(assessment -> assessment.criterion() == Criterion.ICANS)
                    .singleElement()
                    .extracting(Assessment::grade)
                    .isEqualTo(2);
        }
    }

    @Nested
    class Reassess {

        private final LabResultRecorded plateletsGrade3 =
                aLab(Analyte.PLATELETS).value("40").range("150", "400").build();
        private final LabResultRecorded ancGrade4 =
                aLab(Analyte.ANC).value("0.4").build();

        @Test
        void publishesEveryGradedCriterionTheFirstTime() {
            var reassessment = grader.reassess(fold(plateletsGrade3, ancGrade4));

            assertThat(reassessment.changed())
                    .extracting(Assessment::criterion)
                    .containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED, Criterion.PLATELET_COUNT_DECREASED);
            assertThat(reassessment
                            .state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isEqualTo(3);
        }

        @Test
        void publishesNothingWhenNothingChanged() {
            var first = grader.reassess(fold(plateletsGrade3, ancGrade4));

            var second = grader.reassess(first.state());

            assertThat(second.changed()).isEmpty();
            assertThat(second.state()).isEqualTo(first.state());
        }

        @Test
        void publishesNothingForANewResultWithTheSameGrade() {
            var published = grader.reassess(fold(plateletsGrade3)).state();

            var next = grader.reassess(published.apply(aLab(Analyte.PLATELETS)
                    .value("30")
                    .range("150", "400")
                    .at(hoursAfter(6))
                    .build()));

            assertThat(next.changed()).isEmpty();
        }

        @ParameterizedTest(name = "platelets 40 then {0} -> published grade {1}")
        @CsvSource({"20, 4", "60, 2", "160, 0"})
        void publishesOnlyTheCriterionWhoseGradeWentUpOrDown(String newValue, int newGrade) {
            var published = grader.reassess(fold(plateletsGrade3, ancGrade4)).state();

            var next = grader.reassess(published.apply(aLab(Analyte.PLATELETS)
                    .value(newValue)
                    .range("150", "400")
                    .at(hoursAfter(6))
                    .build()));

            assertThat(next.changed()).singleElement().satisfies(assessment -> {
                assertThat(assessment.criterion()).isEqualTo(Criterion.PLATELET_COUNT_DECREASED);
                assertThat(assessment.grade()).isEqualTo(newGrade);
            });
            assertThat(next.state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isEqualTo(newGrade);
        }

        @Test
        void doesNotPublishACriterionThatWasNeverAssessable() {
            var reassessment = grader.reassess(
                    fold(aLab(Analyte.PLATELETS).value("150").unit("mg").build()));

            assertThat(reassessment.changed()).isEmpty();
            assertThat(reassessment.state().publishedGrade(Criterion.PLATELET_COUNT_DECREASED))
                    .isNull();
        }

        @Test
        void publishesACriterionThatBecameAssessable() {
            var unreadable = grader.reassess(
                    fold(aLab(Analyte.PLATELETS).value("150").unit("mg").build()));

            var next = grader.reassess(unreadable
                    .state()
                    .apply(aLab(Analyte.PLATELETS)
                            .value("160")
                            .range("150", "400")
                            .at(hoursAfter(1))
                            .build()));

            assertThat(next.changed()).extracting(Assessment::grade).containsExactly(0);
        }

        @Test
        void publishesACriterionThatStoppedBeingAssessableDistinctFromGradeZero() {
            var normal = grader.reassess(fold(
                    aLab(Analyte.PLATELETS).value("160").range("150", "400").build()));

            var next = grader.reassess(normal.state()
                    .apply(aLab(Analyte.PLATELETS)
                            .value("150")
                            .unit("mg")
                            .at(hoursAfter(1))
                            .build()));

            assertThat(next.changed())
                    .singleElement()
                    .satisfies(assessment -> assertThat(assessment.grade()).isNull());
            var published = next.state().publishedGrade(Criterion.PLATELET_COUNT_DECREASED);
            assertThat(published.grade()).isNull();
            assertThat(normal.state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isZero();
        }

        @Test
        void keepsThePublishedGradesThroughLaterEvents() {
            var published = grader.reassess(fold(plateletsGrade3)).state();

            var later =
                    published.apply(vitalsAt(hoursAfter(1)).temperature("37.0").build());

            assertThat(later.publishedGrade(Criterion.PLATELET_COUNT_DECREASED).grade())
                    .isEqualTo(3);
        }
    }
}
