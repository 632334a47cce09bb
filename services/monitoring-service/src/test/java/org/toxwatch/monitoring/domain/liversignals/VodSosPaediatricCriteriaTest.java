package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.DAY_ZERO;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.bilirubinMgDl;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.dayOf;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.hoursAfter;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.weightKg;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.PatientProfile;

/**
 * CRITERIA.md 7.2: EBMT 2018 paediatric criteria for a patient younger than 18 years on the day of the assessment,
 * EBMT 2016 adult criteria otherwise and when the age is unknown; every EBMT 2018 item ToxWatch can compute.
 */
class VodSosPaediatricCriteriaTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Day 3 at 08:00: 5 March 2026. */
    private static final Instant DAY_3 = hoursAfter(dayOf(3), 8);

    private static final Optional<AgeAtAssessment> SIX_YEARS = Optional.of(AgeAtAssessment.ofYears(6));

    private static final ClinicalFindings NONE_ENTERED = ClinicalFindings.NOT_ENTERED;

    /**
     * A paediatric VOD course in numbers alone, every value under the adult thresholds: bilirubin rising from a
     * 0.6 mg/dL baseline on days 1-3 to 1.6 (never 2), weight gaining each day from 20.0 kg on day 0 to 20.9 kg
     * on day 3 (4.5%, not above 5%).
     */
    private static VodSosCourse paediatricCourse() {
        return new VodSosCourse(
                List.of(
                        bilirubinMgDl("0.9", hoursAfter(dayOf(1), 8)),
                        bilirubinMgDl("1.2", hoursAfter(dayOf(2), 8)),
                        bilirubinMgDl("1.6", DAY_3)),
                bilirubinMgDl("0.6", hoursAfter(dayOf(-1), 8)),
                List.of(
                        weightKg("20.3", hoursAfter(dayOf(1), 7)),
                        weightKg("20.6", hoursAfter(dayOf(2), 7)),
                        weightKg("20.9", hoursAfter(dayOf(3), 7))),
                weightKg("20.0", hoursAfter(DAY_ZERO, 7)),
                DAY_ZERO,
                UTC);
    }

    @Nested
    class CriteriaSetByAge {

        @ParameterizedTest(name = "born {0}: {1} -> level {2}")
        @CsvSource({
            "2008-03-06, EBMT 2018 paediatric criteria (age 17 years; day 3), 2", // 17 y 364 d
            "2008-03-05, 'EBMT 2016 adult criteria (age 18 years), classical (day 3, within 21 days)', 0", // 18 y 0 d
        })
        void aPaediatricCourseIsJudgedByEbmt2018UntilTheEighteenthBirthday(LocalDate born, String set, int level) {
            var age = new PatientProfile(born, null).ageAt(DAY_3, UTC);

            var assessment = VodSosRule.assess(paediatricCourse(), NONE_ENTERED, age, DAY_3);

            assertThat(assessment.grade()).isEqualTo(level);
            assertThat(assessment.summary()).contains(set);
        }

        @Test
        void withoutAnAgeTheAdultCriteriaApplyAndTheAssessmentSaysSo() {
            var assessment = VodSosRule.assess(paediatricCourse(), NONE_ENTERED, Optional.empty(), DAY_3);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.NOT_MET);
            assertThat(assessment.summary())
                    .startsWith("VOD/SOS criteria not met: EBMT 2016 adult criteria (age unknown — adult criteria),"
                            + " classical (day 3, within 21 days)");
        }

        @Test
        void aSixYearOldsCourseNamesTheSetAndBothComputableCriteria() {
            var assessment = VodSosRule.assess(paediatricCourse(), NONE_ENTERED, SIX_YEARS, DAY_3);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
            assertThat(assessment.summary())
                    .startsWith("VOD_SUSPECTED: EBMT 2018 paediatric criteria (age 6 years; day 3) met")
                    .contains("bilirubin rising from baseline on 3 consecutive days: yes (baseline 0.6, 2026-03-03"
                            + " 0.9, 2026-03-04 1.2, 2026-03-05 1.6 mg/dL)")
                    .contains("weight gain on 3 consecutive days: yes (2026-03-02 20.0, 2026-03-03 20.3, 2026-03-04"
                            + " 20.6, 2026-03-05 20.9 kg) (diuretic use not known to ToxWatch)")
                    .contains("transfusion-refractory thrombocytopenia: not an input of ToxWatch");
            assertThat(assessment.thresholds())
                    .filteredOn(AppliedThreshold::met)
                    .extracting(AppliedThreshold::condition)
                    .containsExactly(
                            VodSosRule.PAEDIATRIC,
                            VodSosRule.PAEDIATRIC_RISING_BILIRUBIN_PART,
                            VodSosRule.PAEDIATRIC_DAILY_WEIGHT_GAIN_PART);
        }

        @Test
        void listsEveryComparedValueAsEvidence() {
            var course = paediatricCourse();

            var assessment = VodSosRule.assess(course, NONE_ENTERED, SIX_YEARS, DAY_3);

            var expected = new ArrayList<Observation>();
            expected.add(course.baselineBilirubin());
            expected.add(course.referenceWeight());
            expected.addAll(course.weights());
            expected.addAll(course.bilirubin());
            assertThat(assessment.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(Observation::eventId).toList());
        }
    }

    @Nested
    class BilirubinRisingFromBaselineOnThreeConsecutiveDays {

        @ParameterizedTest(name = "baseline {0}, days 1-3 {1} / {2} / {3} -> {4}")
        @CsvSource({
            "0.6, 0.7, 0.8, 0.9, yes",
            "0.6, 0.6, 0.8, 0.9, no", // day 1 equal to the baseline is no rise
            "0.6, 0.7, 0.7, 0.9, no", // a standstill on day 2
            "0.6, 0.7, 0.8, 0.8, no", // a standstill on day 3
            "0.6, 0.7, 0.9, 0.8, no", // a fall on the newest day
        })
        void needsThreeRisesInARowFromTheBaseline(
                String baseline, String day1, String day2, String day3, String expected) {
            var assessment = paediatric(
                    List.of(
                            bilirubinMgDl(day1, hoursAfter(dayOf(1), 8)),
                            bilirubinMgDl(day2, hoursAfter(dayOf(2), 8)),
                            bilirubinMgDl(day3, DAY_3)),
                    bilirubinMgDl(baseline, hoursAfter(dayOf(-1), 8)),
                    new ClinicalFindings(true, null, null, null));

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_RISING_BILIRUBIN_PART))
                    .isEqualTo(expected.equals("yes"));
            // with hepatomegaly, the rising bilirubin is the second criterion
            assertThat(assessment.grade())
                    .isEqualTo(expected.equals("yes") ? VodSosRule.SUSPECTED : VodSosRule.NOT_MET);
        }

        @Test
        void isUnknownWhenADayOfTheThreeHasNoResult() {
            var assessment = paediatric(
                    List.of(bilirubinMgDl("0.9", hoursAfter(dayOf(1), 8)), bilirubinMgDl("1.6", DAY_3)),
                    bilirubinMgDl("0.6", hoursAfter(dayOf(-1), 8)),
                    NONE_ENTERED);

            assertThat(assessment.summary())
                    .contains("bilirubin rising from baseline on 3 consecutive days: not assessed (baseline 0.6,"
                            + " 2026-03-03 0.9, 2026-03-04 none, 2026-03-05 1.6 mg/dL)");
        }

        @Test
        void startsFromTheDayBeforeWithoutABaseline() {
            var assessment = paediatric(
                    List.of(
                            bilirubinMgDl("0.6", hoursAfter(dayOf(0), 8)),
                            bilirubinMgDl("0.9", hoursAfter(dayOf(1), 8)),
                            bilirubinMgDl("1.2", hoursAfter(dayOf(2), 8)),
                            bilirubinMgDl("1.6", DAY_3)),
                    null,
                    NONE_ENTERED);

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_RISING_BILIRUBIN_PART))
                    .isTrue();
            assertThat(assessment.grade()).isEqualTo(VodSosRule.PARTIAL);
            assertThat(assessment.summary())
                    .contains("computable part is (the bilirubin or the weight criterion of EBMT 2018)");
        }

        @Test
        void countsTheNewestResultOfEachCalendarDay() {
            // day 2 at 06:00 is 1.5 (a rise), but day 2's newest result, 0.8 at 20:00, is a fall
            var assessment = paediatric(
                    List.of(
                            bilirubinMgDl("0.9", hoursAfter(dayOf(1), 8)),
                            bilirubinMgDl("1.5", hoursAfter(dayOf(2), 6)),
                            bilirubinMgDl("0.8", hoursAfter(dayOf(2), 20)),
                            bilirubinMgDl("1.6", DAY_3)),
                    bilirubinMgDl("0.6", hoursAfter(dayOf(-1), 8)),
                    NONE_ENTERED);

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_RISING_BILIRUBIN_PART))
                    .isFalse();
        }

        @Test
        void countsCalendarDaysInTheHospitalsZone() {
            // 23:30 UTC is the next calendar day in Berlin: three Berlin days, each higher than the one before
            var berlin = ZoneId.of("Europe/Berlin");
            var course = new VodSosCourse(
                    List.of(
                            bilirubinMgDl("0.9", hoursAfter(dayOf(0), 23).plusSeconds(1800)),
                            bilirubinMgDl("1.2", hoursAfter(dayOf(2), 8)),
                            bilirubinMgDl("1.6", DAY_3)),
                    bilirubinMgDl("0.6", hoursAfter(dayOf(-1), 8)),
                    List.of(),
                    null,
                    DAY_ZERO,
                    berlin);

            var assessment = VodSosRule.assess(course, NONE_ENTERED, SIX_YEARS, DAY_3);

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_RISING_BILIRUBIN_PART))
                    .isTrue();
        }
    }

    @Nested
    class BilirubinAtLeastTwoWithin72Hours {

        @ParameterizedTest(name = "bilirubin {0} mg/dL 72 h before the assessment -> {1}")
        @CsvSource({"2.0, true", "1.99, false"})
        void isMetFromTwoMilligramsPerDecilitre(String value, boolean met) {
            var assessment =
                    paediatric(List.of(bilirubinMgDl(value, DAY_3.minusSeconds(72 * 3600))), null, NONE_ENTERED);

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_BILIRUBIN_PART)).isEqualTo(met);
        }
    }

    @Nested
    class WeightGain {

        @ParameterizedTest(name = "daily weights {0} / {1} / {2} / {3} kg -> gain on 3 consecutive days {4}")
        @CsvSource({
            "20.0, 20.1, 20.2, 20.3, true",
            "20.0, 20.0, 20.2, 20.3, false", // no gain on day 1
            "20.0, 20.1, 20.2, 20.2, false", // no gain on day 3
        })
        void onThreeConsecutiveDaysNeedsAGainOnEachOverTheDayBefore(
                String day0, String day1, String day2, String day3, boolean met) {
            var course = new VodSosCourse(
                    List.of(bilirubinMgDl("0.5", DAY_3)),
                    null,
                    List.of(
                            weightKg(day1, hoursAfter(dayOf(1), 7)),
                            weightKg(day2, hoursAfter(dayOf(2), 7)),
                            weightKg(day3, hoursAfter(dayOf(3), 7))),
                    weightKg(day0, hoursAfter(DAY_ZERO, 7)),
                    DAY_ZERO,
                    UTC);

            var assessment = VodSosRule.assess(course, new ClinicalFindings(null, null, true, null), SIX_YEARS, DAY_3);

            assertThat(met(assessment, VodSosRule.PAEDIATRIC_DAILY_WEIGHT_GAIN_PART))
                    .isEqualTo(met);
            // with ascites, the weight gain is the second criterion
            assertThat(assessment.grade()).isEqualTo(met ? VodSosRule.SUSPECTED : VodSosRule.NOT_MET);
        }

        @ParameterizedTest(name = "weight {0} kg on a 20 kg reference, a single day -> above 5% {1}")
        @CsvSource({"21.0, false", "21.01, true"})
        void aboveFivePercentOfTheReferenceWeightCountsAlone(String weight, boolean met) {
            var course = new VodSosCourse(
                    List.of(bilirubinMgDl("0.5", DAY_3)),
                    null,
                    List.of(weightKg(weight, DAY_3)),
                    weightKg("20", DAY_ZERO),
                    DAY_ZERO,
                    UTC);

            var assessment = VodSosRule.assess(course, NONE_ENTERED, SIX_YEARS, DAY_3);

            assertThat(met(assessment, VodSosRule.WEIGHT_GAIN_PART)).isEqualTo(met);
            assertThat(assessment.grade()).isEqualTo(met ? VodSosRule.PARTIAL : VodSosRule.NOT_MET);
        }
    }

    @Nested
    class BedsideFindings {

        @Test
        void hepatomegalyAndAscitesAreTwoCriteriaWithoutAnyNumber() {
            var assessment = paediatric(
                    List.of(bilirubinMgDl("0.5", DAY_3)), null, new ClinicalFindings(true, null, true, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
        }

        @Test
        void aPainfulHepatomegalyIsAHepatomegaly() {
            var assessment = paediatric(
                    List.of(bilirubinMgDl("2.0", DAY_3)), null, new ClinicalFindings(null, true, null, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
        }
    }

    private static Assessment paediatric(
            List<Observation> bilirubin, @Nullable Observation baseline, ClinicalFindings findings) {
        var course = new VodSosCourse(bilirubin, baseline, List.of(), null, DAY_ZERO, UTC);
        return VodSosRule.assess(course, findings, SIX_YEARS, DAY_3);
    }

    private static boolean met(Assessment assessment, String condition) {
        return assessment.thresholds().stream()
                .filter(threshold -> threshold.condition().equals(condition))
                .map(AppliedThreshold::met)
                .findFirst()
                .orElseThrow();
    }
}
