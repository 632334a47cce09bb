package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.drugGiven;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStopped;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aTransfer;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.monitoring.domain.patient.PatientProfile;
import org.toxwatch.monitoring.domain.units.Analyte;

/** The per-patient fold: placement by clinical time, corrections, bounds, episodes and baselines (1.4). */
class PatientStateTest {

    private static PatientState fold(Object... events) {
        var state = PatientState.empty(PATIENT);
        for (var event : events) {
            state = switch (event) {
                case LabResultRecorded lab -> state.apply(lab);
                case org.toxwatch.model.VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case NeurologicAssessmentRecorded neuro -> state.apply(neuro);
                default -> throw new IllegalArgumentException(event.toString());
            };
        }
        return state;
    }

    private static List<String> values(PatientState state, Analyte analyte) {
        return state.labsOf(analyte).stream()
                .map(result -> result.value().toPlainString())
                .toList();
    }

    @Nested
    class LabResults {

        @Test
        void placesALateResultByCollectionTimeNotByArrival() {
            var state = fold(
                    aLab(Analyte.PLATELETS).value("40").at(hoursAfter(2)).build(),
                    aLab(Analyte.PLATELETS).value("90").at(hoursAfter(1)).build());

            assertThat(values(state, Analyte.PLATELETS)).containsExactly("90", "40");
            assertThat(state.newestLab(Analyte.PLATELETS).value()).isEqualByComparingTo("40");
            assertThat(state.newestEventTime()).isEqualTo(hoursAfter(2));
        }

        @Test
        void replacesAResultCorrectedUnderTheSameSourceObservationId() {
            var state = fold(
                    aLab(Analyte.ANC).value("0.4").sourceObservationId("F1-ANC").build(),
                    aLab(Analyte.ANC).value("1.4").at(hoursAfter(1)).build(),
                    aLab(Analyte.ANC)
                            .value("0.6")
                            .sourceObservationId("F1-ANC")
                            .status(ResultStatus.CORRECTED)
                            .build());

            assertThat(values(state, Analyte.ANC)).containsExactly("0.6", "1.4");
        }

        @Test
        void matchesACorrectionWithoutIdByCodeAndCollectionTime() {
            var state = fold(
                    aLab(Analyte.ANC).value("0.4").build(),
                    aLab(Analyte.ANC)
                            .value("0.6")
                            .status(ResultStatus.CORRECTED)
                            .build());

            assertThat(values(state, Analyte.ANC)).containsExactly("0.6");
        }

        @Test
        void removesACancelledResult() {
            var state = fold(
                    aLab(Analyte.ANC).value("0.4").sourceObservationId("F1-ANC").build(),
                    aLab(Analyte.ANC)
                            .value("1.4")
                            .sourceObservationId("F2-ANC")
                            .at(hoursAfter(1))
                            .build(),
                    aLab(Analyte.ANC)
                            .sourceObservationId("F1-ANC")
                            .status(ResultStatus.CANCELLED)
                            .build());

            assertThat(values(state, Analyte.ANC)).containsExactly("1.4");
        }

        @Test
        void replacesAPreliminaryResultWithItsFinalVersion() {
            var state = fold(
                    aLab(Analyte.ALT)
                            .value("90")
                            .sourceObservationId("F1-ALT")
                            .status(ResultStatus.PRELIMINARY)
                            .build(),
                    aLab(Analyte.ALT).value("95").sourceObservationId("F1-ALT").build());

            assertThat(values(state, Analyte.ALT)).containsExactly("95");
        }

        @Test
        void keepsTwoResultsWithoutIdsCollectedAtTheSameTime() {
            var state = fold(
                    aLab(Analyte.ALT).value("90").build(),
                    aLab(Analyte.ALT).value("95").build());

            assertThat(values(state, Analyte.ALT)).hasSize(2);
        }

        @Test
        void ignoresACodeThatIsNotGraded() {
            var state = fold(aLab("30522-7").value("3").unit("mg/L").build());

            assertThat(state).isEqualTo(PatientState.empty(PATIENT));
        }

        @Test
        void ignoresAnEventDeliveredTwice() {
            var result = aLab(Analyte.ANC).value("0.4").build();

            assertThat(fold(result, result)).isEqualTo(fold(result));
        }

        @Test
        void refusesAnotherPatientsEvent() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            PatientState.empty("p-2").apply(aLab(Analyte.ANC).build()));
        }

        @Test
        void neverChangesTheStateItIsAppliedTo() {
            var before = PatientState.empty(PATIENT);

            before.apply(aLab(Analyte.ANC).build());

            assertThat(before).isEqualTo(PatientState.empty(PATIENT));
        }
    }

    @Nested
    class Bounds {

        @Test
        void forgetsResultsMoreThan30DaysOlderThanTheNewestEvent() {
            var state = fold(
                    aLab(Analyte.PLATELETS).value("1").at(daysBefore(31)).build(),
                    aLab(Analyte.PLATELETS).value("2").at(daysBefore(30)).build(),
                    aLab(Analyte.PLATELETS).value("3").build());

            assertThat(values(state, Analyte.PLATELETS)).containsExactly("2", "3");
        }

        /** Late ICAHT (CRITERIA.md 6.1) reads ANCs up to day 100 after a CAR-T infusion. */
        @Test
        void keepsAncsFor101Days() {
            var state = fold(
                    aLab(Analyte.ANC).value("1").at(daysBefore(102)).build(),
                    aLab(Analyte.ANC).value("2").at(daysBefore(101)).build(),
                    aLab(Analyte.ANC).value("3").build());

            assertThat(values(state, Analyte.ANC)).containsExactly("2", "3");
        }

        @Test
        void keepsAtMostFiftyResultsPerAnalyte() {
            var events = new ArrayList<Object>();
            for (int i = 0; i < 60; i++) {
                events.add(aLab(Analyte.PLATELETS)
                        .value(String.valueOf(i))
                        .at(hoursAfter(i))
                        .build());
            }

            var state = fold(events.toArray());

            assertThat(values(state, Analyte.PLATELETS))
                    .hasSize(50)
                    .startsWith("10")
                    .endsWith("59");
        }

        @Test
        void keepsAnEpisodesBaselineCandidatesBeyondThe30Days() {
            var state = fold(
                    aLab(Analyte.ALT).value("100").at(daysBefore(45)).build(),
                    aLab(Analyte.ALT).value("80").at(daysBefore(75)).build(),
                    enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, daysBefore(40)),
                    aLab(Analyte.ALT).value("30").build());

            assertThat(values(state, Analyte.ALT)).containsExactly("100", "30");
        }

        @Test
        void forgetsVitalSignsAfter72HoursButRemembersFeversLonger() {
            var state = fold(
                    vitalsAt(daysBefore(10)).temperature("39.0").build(),
                    vitalsAt(hoursAfter(-73)).temperature("37.0").build(),
                    vitalsAt(NOW).temperature("37.2").build());

            assertThat(state.vitals())
                    .extracting(v -> v.temperatureCelsius().toPlainString())
                    .containsExactly("37.2");
            assertThat(state.fevers()).extracting(FeverReading::observedAt).containsExactly(daysBefore(10));
        }
    }

    @Nested
    class Baselines {

        private final TherapyEventRecorded enrolment = enrolled(Therapy.BLINATUMOMAB, NOW);

        private LabResultRecorded alt(String value, Instant at) {
            return aLab(Analyte.ALT).value(value).at(at).build();
        }

        private String baselineOf(PatientState state) {
            var baseline = state.baseline(Analyte.ALT, state.episodeAt(NOW));
            return baseline == null
                    ? "missing"
                    : baseline.observation().reportedValue().toPlainString();
        }

        @Test
        void isTheMostRecentValidResultAtOrBeforeT0() {
            var state = fold(alt("50", daysBefore(3)), alt("60", daysBefore(1)), enrolment, alt("90", hoursAfter(2)));

            assertThat(baselineOf(state)).isEqualTo("60");
        }

        @Test
        void includesAResultCollectedExactlyAtT0() {
            assertThat(baselineOf(fold(alt("50", daysBefore(3)), alt("70", NOW), enrolment)))
                    .isEqualTo("70");
        }

        @Test
        void reachesBackExactly30Days() {
            assertThat(baselineOf(fold(alt("50", daysBefore(30)), enrolment))).isEqualTo("50");
            assertThat(baselineOf(fold(alt("50", daysBefore(30).minus(Duration.ofMinutes(1))), enrolment)))
                    .isEqualTo("missing");
        }

        @Test
        void isMissingWithoutAResultBeforeT0() {
            assertThat(baselineOf(fold(enrolment, alt("90", hoursAfter(2))))).isEqualTo("missing");
        }

        @Test
        void skipsAResultThatCannotBeRead() {
            var state = fold(
                    alt("50", daysBefore(3)),
                    aLab(Analyte.ALT).value("1").unit("U/mL").at(daysBefore(1)).build(),
                    enrolment);

            assertThat(baselineOf(state)).isEqualTo("50");
        }

        @Test
        void comesFromALateResultToo() {
            var state = fold(enrolment, alt("90", hoursAfter(2)), alt("55", daysBefore(2)));

            assertThat(baselineOf(state)).isEqualTo("55");
        }

        @Test
        void isTakenAgainForEachNewEpisode() {
            var state = fold(
                    alt("50", daysBefore(20)),
                    enrolled(Therapy.BLINATUMOMAB, daysBefore(19)),
                    alt("65", daysBefore(2)),
                    enrolled(Therapy.CAR_T, daysBefore(1)));

            assertThat(state.baseline(Analyte.ALT, state.episodeAt(daysBefore(10)))
                            .observation()
                            .reportedValue())
                    .isEqualByComparingTo("50");
            assertThat(baselineOf(state)).isEqualTo("65");
        }
    }

    @Nested
    class TherapyEpisodes {

        @Test
        void startsAtEnrolment() {
            var state = fold(enrolled(Therapy.CAR_T, daysBefore(5)), carTInfused(NOW));

            var episode = state.episodeAt(NOW);
            assertThat(episode.t0()).isEqualTo(daysBefore(5));
            assertThat(episode.carTInfusedAt()).isEqualTo(NOW);
            assertThat(state.episodes()).hasSize(1);
        }

        @Test
        void startsAtTheFirstDoseWithoutEnrolment() {
            var state = fold(
                    dose(Therapy.INOTUZUMAB_OZOGAMICIN, NOW, 1, 1),
                    dose(Therapy.INOTUZUMAB_OZOGAMICIN, daysAfter(7), 1, 8));

            assertThat(state.episodeAt(daysAfter(7)).t0()).isEqualTo(NOW);
            assertThat(state.episodeAt(daysAfter(7)).doses())
                    .extracting(TherapyAdministration::cycleDay)
                    .containsExactly(1, 8);
        }

        @Test
        void movesT0BackForALateEnrolment() {
            var state = fold(
                    dose(Therapy.INOTUZUMAB_OZOGAMICIN, NOW, 1, 1),
                    enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, daysBefore(1)));

            assertThat(state.episodes())
                    .singleElement()
                    .satisfies(episode -> assertThat(episode.t0()).isEqualTo(daysBefore(1)));
        }

        @Test
        void movesT0BackForALateEarlierDose() {
            var state = fold(
                    dose(Therapy.INOTUZUMAB_OZOGAMICIN, daysAfter(7), 1, 8),
                    dose(Therapy.INOTUZUMAB_OZOGAMICIN, NOW, 1, 1));

            assertThat(state.episodes())
                    .singleElement()
                    .satisfies(episode -> assertThat(episode.t0()).isEqualTo(NOW));
        }

        @Test
        void startsANewEpisodeAtANewEnrolment() {
            var state = fold(enrolled(Therapy.BLINATUMOMAB, daysBefore(20)), enrolled(Therapy.CAR_T, daysBefore(2)));

            assertThat(state.episodes())
                    .extracting(TherapyEpisode::therapy)
                    .containsExactly(Therapy.BLINATUMOMAB, Therapy.CAR_T);
            assertThat(state.episodeAt(daysBefore(10)).therapy()).isEqualTo(Therapy.BLINATUMOMAB);
            assertThat(state.episodeAt(NOW).therapy()).isEqualTo(Therapy.CAR_T);
            assertThat(state.episodeAt(daysBefore(21))).isNull();
        }

        @Test
        void knowsWhetherTheInfusionRuns() {
            var state = fold(infusionStarted(NOW), infusionStopped(daysAfter(3)), infusionStarted(daysAfter(5)));
            var episode = state.episodes().getFirst();

            assertThat(episode.infusionRunningAt(daysAfter(1))).isTrue();
            assertThat(episode.infusionRunningAt(daysAfter(4))).isFalse();
            assertThat(episode.infusionStoppedAt(daysAfter(4))).isEqualTo(daysAfter(3));
            assertThat(episode.infusionRunningAt(daysAfter(6))).isTrue();
            assertThat(episode.t0()).isEqualTo(NOW);
        }

        @Test
        void dropsAStopWithoutAnyInfusion() {
            assertThat(fold(infusionStopped(NOW)).episodes()).isEmpty();
        }
    }

    @Nested
    class Support {

        @Test
        void keepsTheOxygenSupportOfTheLatestReadingByEventTime() {
            var state = fold(
                    vitalsAt(hoursAfter(2))
                            .oxygen(OxygenDevice.NASAL_CANNULA, "4")
                            .build(),
                    vitalsAt(hoursAfter(1)).oxygen(OxygenDevice.NONE, null).build());

            assertThat(state.oxygen().device()).isEqualTo(OxygenDevice.NASAL_CANNULA);
            assertThat(state.oxygen().flowLitresPerMinute()).isEqualByComparingTo("4");
        }

        @Test
        void keepsTheVasopressorsOfTheLatestEventByEventTime() {
            var state = fold(vasopressorsRunning(hoursAfter(2), 2, true), vasopressorsRunning(hoursAfter(1), 0, false));

            assertThat(state.vasopressors().count()).isEqualTo(2);
            assertThat(state.vasopressors().vasopressin()).isTrue();
        }

        @Test
        void remembersSupportiveDrugsWithTheirTimes() {
            var state = fold(
                    drugGiven(SupportiveDrug.TOCILIZUMAB, hoursAfter(3)),
                    drugGiven(SupportiveDrug.ANTIPYRETIC, hoursAfter(1)));

            assertThat(state.supportiveDrugs())
                    .extracting(SupportiveDrugGiven::drug)
                    .containsExactly(SupportiveDrug.ANTIPYRETIC, SupportiveDrug.TOCILIZUMAB);
            assertThat(state.drugsGivenBetween(hoursAfter(1), hoursAfter(3)))
                    .extracting(SupportiveDrugGiven::drug)
                    .containsExactly(SupportiveDrug.TOCILIZUMAB);
        }

        @Test
        void removesACancelledVitalSignsSetWithItsFever() {
            var state = fold(
                    vitalsAt(NOW)
                            .temperature("38.6")
                            .oxygen(OxygenDevice.BLOW_BY, null)
                            .build(),
                    vitalsAt(NOW).status(ResultStatus.CANCELLED).build());

            assertThat(state.vitals()).isEmpty();
            assertThat(state.fevers()).isEmpty();
            assertThat(state.oxygen()).isNull();
        }

        @Test
        void ignoresAFeverDeliveredAgainAfterItLeftThe72HourWindow() {
            var fever = vitalsAt(daysBefore(10)).temperature("39.0").build();

            var state = fold(fever, vitalsAt(NOW).temperature("37.0").build(), fever);

            assertThat(state.fevers()).hasSize(1);
        }

        @Test
        void recordsWeights() {
            var state = fold(vitalsAt(NOW).weight("70.5").build());

            assertThat(state.weights()).extracting(WeightMeasurement::kg).containsExactly(new BigDecimal("70.5"));
        }
    }

    @Nested
    class NeurologicAssessments {

        @Test
        void theNewestIsTheLatestByAssessmentTimeNotByArrival() {
            var state = fold(
                    neuroAssessment(hoursAfter(4), 6, LevelOfConsciousness.ALERT),
                    neuroAssessment(hoursAfter(1), 10, LevelOfConsciousness.ALERT));

            assertThat(state.newestNeuroAssessment().iceScore()).isEqualTo(6);
            assertThat(state.neuroAssessments())
                    .extracting(NeurologicAssessmentRecorded::iceScore)
                    .containsExactly(10, 6);
        }

        @Test
        void aCorrectionReplacesTheAssessmentMadeAtTheSameTime() {
            var state = fold(
                    neuroAssessment(NOW, 3, LevelOfConsciousness.ALERT),
                    neuroAssessment(NOW, 8, LevelOfConsciousness.ALERT, SeizureFinding.NONE, ResultStatus.CORRECTED));

            assertThat(state.neuroAssessments())
                    .extracting(NeurologicAssessmentRecorded::iceScore)
                    .containsExactly(8);
        }

        @Test
        void aCancellationWithdrawsTheAssessmentAndTheOneBeforeIsNewestAgain() {
            var state = fold(
                    neuroAssessment(hoursAfter(1), 9, LevelOfConsciousness.ALERT),
                    neuroAssessment(hoursAfter(2), 2, LevelOfConsciousness.ALERT),
                    neuroAssessment(
                            hoursAfter(2),
                            null,
                            LevelOfConsciousness.ALERT,
                            SeizureFinding.NONE,
                            ResultStatus.CANCELLED));

            assertThat(state.newestNeuroAssessment().iceScore()).isEqualTo(9);
        }

        @Test
        void ignoresAnAssessmentDeliveredTwice() {
            var once = neuroAssessment(NOW, 7, LevelOfConsciousness.ALERT);

            assertThat(fold(once, once).neuroAssessments()).hasSize(1);
        }

        @Test
        void forgetsAssessmentsAfter42DaysButKeepsTheSeizures() {
            var state = fold(
                    neuroAssessment(daysBefore(50), 9, LevelOfConsciousness.ALERT),
                    neuroAssessment(
                            daysBefore(49),
                            9,
                            LevelOfConsciousness.ALERT,
                            SeizureFinding.RAPIDLY_RESOLVING,
                            ResultStatus.FINAL),
                    neuroAssessment(NOW, 10, LevelOfConsciousness.ALERT));

            assertThat(state.neuroAssessments())
                    .extracting(NeurologicAssessmentRecorded::seizure)
                    .containsExactly(SeizureFinding.RAPIDLY_RESOLVING, SeizureFinding.NONE);
        }

        @Test
        void keepsTheWholeLatestEpisodeForTheBlincytoRules() {
            var state = fold(
                    enrolled(Therapy.BLINATUMOMAB, daysBefore(60)),
                    neuroAssessment(daysBefore(55), 2, LevelOfConsciousness.ALERT),
                    neuroAssessment(daysBefore(54), 10, LevelOfConsciousness.ALERT),
                    neuroAssessment(daysBefore(70), 10, LevelOfConsciousness.ALERT),
                    neuroAssessment(NOW, 10, LevelOfConsciousness.ALERT));

            assertThat(state.neuroAssessments())
                    .extracting(NeurologicAssessmentRecorded::observedAt)
                    .containsExactly(daysBefore(55), daysBefore(54), NOW);
        }

        @Test
        void advanceTheNewestEventTime() {
            assertThat(fold(neuroAssessment(NOW, 10, LevelOfConsciousness.ALERT))
                            .newestEventTime())
                    .isEqualTo(NOW);
        }
    }

    @Nested
    class SerializedShape {

        private static final Set<Class<?>> LEAVES = Set.of(
                String.class,
                BigDecimal.class,
                Instant.class,
                java.time.LocalDate.class,
                Integer.class,
                Boolean.class,
                int.class,
                boolean.class);

        @Test
        void usesOnlyTypesPlainJacksonRecordSupportHandles() {
            var problems = new ArrayList<String>();

            check(PatientState.class, new HashSet<>(), problems);

            assertThat(problems).isEmpty();
        }

        @Test
        void hasNoBeanAccessorsJacksonWouldAddAsProperties() {
            var accessors = new ArrayList<String>();
            for (var type : List.of(
                    PatientState.class,
                    TherapyEpisode.class,
                    TherapyAdministration.class,
                    SupportiveDrugGiven.class,
                    VasopressorStatus.class,
                    OxygenSupport.class,
                    FeverReading.class,
                    WeightMeasurement.class,
                    PublishedGrade.class,
                    org.toxwatch.monitoring.domain.patient.Demographics.class)) {
                Arrays.stream(type.getMethods())
                        .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                        .filter(m -> m.getName().matches("(get|is)[A-Z].*"))
                        .filter(m -> !m.getDeclaringClass().equals(Object.class))
                        .forEach(m -> accessors.add(type.getSimpleName() + "." + m.getName()));
            }

            assertThat(accessors).isEmpty();
        }

        private static void check(Type type, Set<Type> seen, List<String> problems) {
            if (!seen.add(type)) {
                return;
            }
            if (type instanceof ParameterizedType parameterized) {
                var raw = (Class<?>) parameterized.getRawType();
                var arguments = parameterized.getActualTypeArguments();
                if (raw.equals(List.class)) {
                    check(arguments[0], seen, problems);
                } else if (raw.equals(Map.class) && arguments[0].equals(String.class)) {
                    check(arguments[1], seen, problems);
                } else {
                    problems.add(type.getTypeName());
                }
                return;
            }
            var raw = (Class<?>) type;
            if (LEAVES.contains(raw) || raw.isEnum()) {
                return;
            }
            if (raw.isRecord() && raw.getPackageName().equals("org.toxwatch.model")) {
                return; // the wire contract, serialized as it is on the topics
            }
            if (raw.isRecord() && !raw.isSealed()) {
                for (var component : raw.getRecordComponents()) {
                    check(component.getGenericType(), seen, problems);
                }
                return;
            }
            problems.add(raw.getName());
        }
    }

    @Test
    void buildsEmptyForANewPatient() {
        var state = PatientState.empty(PATIENT);

        assertThat(state.newestEventTime()).isNull();
        assertThat(state.labs()).isEmpty();
        assertThat(state.publishedGrades()).isEmpty();
    }

    @Nested
    class PatientRecords {

        private static final java.time.LocalDate BORN = java.time.LocalDate.parse("2020-03-01");

        @Test
        void aPatientRecordAloneMakesTheProfileKnownAndGivesNoClinicalTime() {
            var state = PatientState.empty(PATIENT)
                    .apply(aPatientRecord(PATIENT, NOW, BORN, org.toxwatch.model.AdministrativeSex.FEMALE));

            assertThat(state.profile())
                    .isEqualTo(new PatientProfile(BORN, org.toxwatch.model.AdministrativeSex.FEMALE));
            assertThat(state.newestEventTime()).isNull();
        }

        @Test
        void aPatientRecordStatedLongAfterTheResultsNeitherMovesTheClinicalTimeNorAgesOutResults() {
            var state = fold(aLab(Analyte.ANC).value("0.4").at(NOW).build());

            var updated = state.apply(aPatientRecord(PATIENT, daysAfter(400), BORN, null));

            assertThat(updated.newestEventTime()).isEqualTo(NOW);
            assertThat(updated.labsOf(Analyte.ANC)).hasSize(1);
        }

        @Test
        void aRecordThatChangesNoGradingDetailLeavesTheStateAsItIs() {
            var state = PatientState.empty(PATIENT).apply(aPatientRecord(PATIENT, NOW, BORN, null));

            assertThat(state.apply(aTransfer(PATIENT, hoursAfter(2)))).isSameAs(state);
        }

        @Test
        void aRecordOfAnotherPatientIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PatientState.empty(PATIENT).apply(aPatientRecord("p-2", NOW, BORN, null)));
        }
    }
}
