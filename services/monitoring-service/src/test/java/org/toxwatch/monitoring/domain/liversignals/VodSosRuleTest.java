package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.DAY_ZERO;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.bilirubinMgDl;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.dayOf;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.hoursAfter;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.minutesAfter;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.observation;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.weightKg;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;

/** CRITERIA.md 7.2: VOD/SOS criteria as an alerting aid (EBMT 2016 adults, EBMT 2018 children). */
class VodSosRuleTest {

    private static final Observation REFERENCE_WEIGHT = weightKg("100", DAY_ZERO);

    private static Assessment adultOnDay(
            long day, @Nullable String bilirubin, @Nullable String weight, ClinicalFindings findings) {
        return assess(day, bilirubin, weight, findings, false);
    }

    /** Bilirubin and weight collected at the assessment time, {@code day} days after day 0. */
    private static Assessment assess(
            long day, @Nullable String bilirubin, @Nullable String weight, ClinicalFindings findings, boolean child) {
        var at = hoursAfter(dayOf(day), 8);
        return vodSos(
                bilirubin == null ? List.of() : List.of(bilirubinMgDl(bilirubin, at)),
                weight == null ? List.of() : List.of(weightKg(weight, at)),
                REFERENCE_WEIGHT,
                DAY_ZERO,
                findings,
                child,
                at);
    }

    /** A 6-year-old ({@code child}) or a 45-year-old, with no bilirubin baseline, days in UTC. */
    private static Assessment vodSos(
            List<Observation> bilirubin,
            List<Observation> weights,
            @Nullable Observation referenceWeight,
            Instant dayZero,
            ClinicalFindings findings,
            boolean child,
            Instant at) {
        var course = new VodSosCourse(bilirubin, null, weights, referenceWeight, dayZero, ZoneOffset.UTC);
        var age = Optional.of(AgeAtAssessment.ofYears(child ? 6 : 45));
        return VodSosRule.assess(course, findings, age, at);
    }

    private static ClinicalFindings painfulHepatomegaly() {
        return new ClinicalFindings(true, true, null, null);
    }

    @Nested
    class AdultsClassicalWithin21Days {

        @ParameterizedTest(name = "bilirubin 2.0, weight {0} kg on reference 100 kg, painful hepatomegaly -> level {1}")
        @CsvSource({
            "105,    1", // exactly 5%: EBMT needs "> 5%"; bilirubin alone is a computable part -> partial
            "105.01, 2", // 5.01%: bilirubin + painful hepatomegaly + weight gain
        })
        void countsWeightGainOnlyAboveFivePercent(String weight, int expected) {
            var assessment = adultOnDay(10, "2.0", weight, painfulHepatomegaly());

            assertThat(assessment.criterion()).isEqualTo(Criterion.VOD_SOS);
            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @ParameterizedTest(
                name = "bilirubin {0} mg/dL, weight gain {1} kg on 100 kg, findings entered {2} -> level {3}")
        @CsvSource({
            "1.99, 105,    false, 0",
            "2.0,  105,    false, 1", // bilirubin >= 2 mg/dL alone: partial, clinician asked
            "1.99, 105.01, false, 1", // weight gain > 5% alone: partial
            "1.99, 106,    true,  1", // painful hepatomegaly + weight gain, but the classical set needs bilirubin
            "2.0,  106,    true,  2",
        })
        void requiresBilirubinAtLeastTwoMgPerDl(
                String bilirubin, String weight, boolean painfulHepatomegalyEntered, int expected) {
            var findings = painfulHepatomegalyEntered ? painfulHepatomegaly() : ClinicalFindings.NOT_ENTERED;

            var assessment = adultOnDay(10, bilirubin, weight, findings);

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void suspectsVodFromBilirubinAscitesAndPainfulHepatomegalyWithoutAWeight() {
            var assessment = adultOnDay(5, "3.0", null, new ClinicalFindings(true, true, true, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
            assertThat(assessment.summary())
                    .startsWith("VOD_SUSPECTED: EBMT 2016 adult criteria (age 45 years), classical (day 5");
        }

        @Test
        void neverReadsAMissingFindingAsAbsent() {
            var assessment = adultOnDay(10, "2.5", "106", ClinicalFindings.NOT_ENTERED);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.PARTIAL);
            assertThat(assessment.summary())
                    .startsWith("VOD_PARTIAL")
                    .contains("clinician to assess hepatomegaly and ascites")
                    .contains("painful hepatomegaly: not assessed")
                    .contains("ascites: not assessed");
        }

        @Test
        void readsNoHepatomegalyAsNoPainfulHepatomegaly() {
            var assessment = adultOnDay(10, "2.5", "106", new ClinicalFindings(false, null, false, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.PARTIAL);
            assertThat(assessment.summary()).contains("painful hepatomegaly: no");
        }
    }

    @Nested
    class AdultsLateOnsetAfterDay21 {

        @ParameterizedTest(
                name = "day {0}, bilirubin 1.5, weight gain 6%, ascites, ultrasound evidence {1} -> level {2}")
        @CsvSource({
            "21, true, 1", // classical window: bilirubin >= 2 is required
            "22, true, 2", // late onset: 2 of 4 with ultrasound evidence, bilirubin not required
            "22,     , 1", // late onset needs the hemodynamic/ultrasound evidence
        })
        void acceptsTwoCriteriaWithoutBilirubinOnlyAfterDay21WithUltrasoundEvidence(
                long day, @Nullable Boolean ultrasoundEvidence, int expected) {
            var findings = new ClinicalFindings(null, null, true, ultrasoundEvidence);

            var assessment = adultOnDay(day, "1.5", "106", findings);

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "assessed {0} h after the start of day 21 -> late onset {1}")
        @CsvSource({"23, false", "24, true"})
        void countsWhole24HourPeriodsFromTheStartOfDayZero(long hoursIntoDay21, boolean lateOnset) {
            var at = hoursAfter(dayOf(21), hoursIntoDay21);

            var assessment = vodSos(
                    List.of(bilirubinMgDl("1.5", at)),
                    List.of(weightKg("106", at)),
                    REFERENCE_WEIGHT,
                    DAY_ZERO,
                    new ClinicalFindings(null, null, true, true),
                    false,
                    at);

            assertThat(assessment.grade()).isEqualTo(lateOnset ? VodSosRule.SUSPECTED : VodSosRule.PARTIAL);
        }

        @Test
        void stillAcceptsTheClassicalCriteriaAfterDay21() {
            var assessment = adultOnDay(30, "2.0", "106", new ClinicalFindings(null, null, true, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
            assertThat(assessment.summary()).contains("late onset (day 30, after day 21)");
        }
    }

    @Nested
    class Children {

        @ParameterizedTest(name = "child: bilirubin {0}, weight {1} kg on 100 kg -> level {2}")
        @CsvSource({
            "2.0,  105.01, 2", // two pediatric criteria from numbers alone
            "2.0,  105,    1",
            "1.99, 105.01, 1",
            "1.99, 105,    0",
        })
        void suspectsVodFromTwoComputableCriteria(String bilirubin, String weight, int expected) {
            var assessment = assess(10, bilirubin, weight, ClinicalFindings.NOT_ENTERED, true);

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void hasNoTimeLimit() {
            var assessment = assess(60, "1.0", "100", new ClinicalFindings(true, null, true, null), true);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
            assertThat(assessment.summary())
                    .startsWith("VOD_SUSPECTED: EBMT 2018 paediatric criteria (age 6 years; day 60)");
        }

        @ParameterizedTest(name = "bilirubin 2.0 collected {0} min before the assessment -> level {1}")
        @CsvSource({
            "4320, 2", // exactly 72 h
            "4321, 1", // weight gain > 5% remains a computable part
        })
        void countsBilirubinAtLeastTwoWithin72Hours(long minutesBefore, int expected) {
            var at = hoursAfter(dayOf(10), 8);

            var assessment = vodSos(
                    List.of(bilirubinMgDl("2.0", minutesAfter(at, -minutesBefore)), bilirubinMgDl("1.0", at)),
                    List.of(weightKg("106", at)),
                    REFERENCE_WEIGHT,
                    DAY_ZERO,
                    ClinicalFindings.NOT_ENTERED,
                    true,
                    at);

            assertThat(assessment.grade()).isEqualTo(expected);
        }
    }

    @Nested
    class Outcome {

        @Test
        void isASignalLevelNotAnEbmtSeverityGrade() {
            var assessment = adultOnDay(10, "9.0", "110", new ClinicalFindings(true, true, true, true));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.SUSPECTED);
            assertThat(assessment.summary())
                    .contains("Signal level 2 is a ToxWatch alerting level, not an EBMT severity grade");
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
        }

        @Test
        void recordsTheComputablePartsAsThresholds() {
            var assessment = adultOnDay(10, "2.0", "105", ClinicalFindings.NOT_ENTERED);

            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(2, VodSosRule.ADULT_CLASSICAL, false),
                            new AppliedThreshold(1, VodSosRule.BILIRUBIN_PART, true),
                            new AppliedThreshold(1, VodSosRule.WEIGHT_GAIN_PART, false));
        }

        @Test
        void listsBilirubinAndBothWeightsAsEvidence() {
            var at = hoursAfter(dayOf(10), 8);
            var bilirubin = bilirubinMgDl("2.5", at);
            var weight = weightKg("106", minutesAfter(at, -60));

            var assessment = vodSos(
                    List.of(bilirubin),
                    List.of(weight),
                    REFERENCE_WEIGHT,
                    DAY_ZERO,
                    ClinicalFindings.NOT_ENTERED,
                    false,
                    at);

            assertThat(assessment.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactly(REFERENCE_WEIGHT.eventId(), weight.eventId(), bilirubin.eventId());
            assertThat(assessment.summary()).contains("weight gain 6% (106 kg at");
        }

        @Test
        void ignoresObservationsCollectedAfterTheAssessment() {
            var at = hoursAfter(dayOf(10), 8);

            var assessment = vodSos(
                    List.of(bilirubinMgDl("1.0", at), bilirubinMgDl("5.0", hoursAfter(at, 1))),
                    List.of(weightKg("100", at), weightKg("110", hoursAfter(at, 1))),
                    REFERENCE_WEIGHT,
                    DAY_ZERO,
                    ClinicalFindings.NOT_ENTERED,
                    false,
                    at);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.NOT_MET);
        }

        @Test
        void showsModifiedSeattleAndBaltimoreForInformationOnly() {
            // bilirubin 2.0 is not "> 2" (Seattle) but is ">= 2" (Baltimore, EBMT); 5% is ">= 5%" (Baltimore) only
            var assessment = adultOnDay(10, "2.0", "105", new ClinicalFindings(false, null, true, null));

            assertThat(assessment.grade()).isEqualTo(VodSosRule.PARTIAL);
            assertThat(assessment.summary())
                    .contains("modified Seattle (by day 20, 2 of bilirubin > 2 mg/dL, hepatomegaly or right upper"
                            + " quadrant pain, weight gain > 2%) not met")
                    .contains("Baltimore (within 21 days, bilirubin >= 2 mg/dL and 2 of hepatomegaly, ascites, weight"
                            + " gain >= 5%) met");
        }

        @Test
        void isNotAssessableWithoutBilirubinWhenNothingElseIsMet() {
            var assessment = adultOnDay(10, null, "102", ClinicalFindings.NOT_ENTERED);

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).startsWith("no total bilirubin result");
        }

        @Test
        void isNotAssessableWithAWeightInAnotherUnit() {
            var at = hoursAfter(dayOf(10), 8);

            var assessment = vodSos(
                    List.of(bilirubinMgDl("2.5", at)),
                    List.of(observation("29463-7", "Body weight", "[lb_av]", "230", null, at)),
                    REFERENCE_WEIGHT,
                    DAY_ZERO,
                    ClinicalFindings.NOT_ENTERED,
                    false,
                    at);

            assertThat(assessment.notAssessableReason())
                    .isEqualTo("Body weight reported in [lb_av], not converted to the canonical unit");
        }

        @Test
        void treatsWeightGainAsUnknownWithoutAReferenceWeight() {
            Instant at = hoursAfter(dayOf(10), 8);

            var assessment = vodSos(
                    List.of(bilirubinMgDl("1.0", at)),
                    List.of(weightKg("120", at)),
                    null,
                    DAY_ZERO,
                    ClinicalFindings.NOT_ENTERED,
                    false,
                    at);

            assertThat(assessment.grade()).isEqualTo(VodSosRule.NOT_MET);
            assertThat(assessment.summary()).contains("weight gain (no reference weight) > 5%: not assessed");
        }
    }
}
