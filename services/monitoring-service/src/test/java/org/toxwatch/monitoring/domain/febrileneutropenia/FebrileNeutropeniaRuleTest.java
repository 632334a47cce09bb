package org.toxwatch.monitoring.domain.febrileneutropenia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.febrileneutropenia.FeverAndAncReadings.aTemperature;
import static org.toxwatch.monitoring.domain.febrileneutropenia.FeverAndAncReadings.anAnc;
import static org.toxwatch.monitoring.domain.febrileneutropenia.FeverAndAncReadings.ancs;
import static org.toxwatch.monitoring.domain.febrileneutropenia.FeverAndAncReadings.minute;
import static org.toxwatch.monitoring.domain.febrileneutropenia.FeverAndAncReadings.temperatures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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

/** CRITERIA.md section 3: febrile neutropenia, CTCAE v5.0. Blank expected grade = not assessable. */
class FebrileNeutropeniaRuleTest {

    private static final String NEUTROPENIC_ANC_AT_FEVER = "0:0.5";

    private static Assessment assess(String temperatures, String ancs) {
        return FebrileNeutropeniaRule.assess(temperatures(temperatures), ancs(ancs), minute(180));
    }

    @Nested
    class SingleReadingFever {

        @ParameterizedTest(name = "{0} Cel with ANC 0.5 -> grade {1}")
        @CsvSource({
            "38.3,  0", // strict: 38.3 alone is not a fever
            "38.31, 3",
            "38.4,  3",
            "40.5,  3", // never grade 4: life-threatening has no numeric definition
        })
        void needsATemperatureAbove38point3(String celsius, int expectedGrade) {
            var assessment = assess("0:" + celsius, NEUTROPENIC_ANC_AT_FEVER);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class SustainedFever {

        @ParameterizedTest(name = "[{0}] with ANC 0.5 -> grade {1}")
        @CsvSource({
            "'0:38.0 59:38.0',         0", // not more than 60 min
            "'0:38.0 61:38.0',         3",
            "'0:38.0 70:38.0',         3", // the spec's own example: 70 minutes apart, both >= 38.0
            "'0:37.9 70:37.9',         0", // 37.9 is not fever
            "'0:38.0 70:37.9',         0",
            "'0:37.9 70:38.0',         0",
            "'0:38.2 35:38.0 70:38.3', 3", // every reading of the run >= 38.0, none > 38.3
            "'0:38.0 35:37.9 70:38.0', 0", // a reading below 38.0 breaks the run
            "'0:38.0 35:37.9 70:38.0 140:38.1', 3", // a new run after the break lasts 70 min
            "'0:38.0 30:38.2 59:38.1', 0",
            "'0:38.0 600:38.0',        3", // consecutive readings: CRITERIA 3 sets no maximum gap between them
        })
        void needsEveryReadingOfTheRunAtLeast38ForMoreThan60Minutes(String temperatures, int expectedGrade) {
            var assessment = assess(temperatures, NEUTROPENIC_ANC_AT_FEVER);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void findsTheRunWhateverOrderTheReadingsArriveIn() {
            var readings = new ArrayList<>(temperatures("0:38.1 20:38.0 40:38.2 61:38.0 90:37.2"));
            Collections.shuffle(readings, new Random(7));

            var assessment = FebrileNeutropeniaRule.assess(readings, ancs("30:0.4"), minute(120));

            assertThat(assessment.grade()).isEqualTo(3);
        }
    }

    @Nested
    class Neutropenia {

        @ParameterizedTest(name = "ANC {0} 10*9/L with fever -> grade {1}")
        @CsvSource({
            "1.5,  0", // not neutropenic
            "1.0,  0", // strict: exactly 1.0 (1000 cells/uL) is not neutropenic
            "0.99, 3", // just below 1.0
            "0.5,  3", // neutropenic
            "0.1,  3", // never grade 4
        })
        void needsAnAncBelow1point0(String anc, int expectedGrade) {
            var assessment = assess("0:38.5", "0:" + anc);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class PairingAncWithFever {

        @ParameterizedTest(name = "single fever at 0, ANC 0.5 at minute {0} -> grade {1}")
        @CsvSource({
            "-1441, ", // 24 h 1 min before: cannot be judged
            "-1439, 3", // 23 h 59 min before
            "0,     3",
            "1439,  3", // 23 h 59 min after
            "1441,  ", // 24 h 1 min after
        })
        void usesAnAncCollectedWithin24HoursOfASingleReading(long ancMinute, @Nullable Integer expectedGrade) {
            var assessment = assess("0:38.5", ancMinute + ":0.5");

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @ParameterizedTest(name = "fever run from 0 to 70, ANC 0.5 at minute {0} -> grade {1}")
        @CsvSource({
            "-1441, ",
            "-1439, 3", // 23 h 59 min before the start
            "35,    3", // inside the interval
            "1509,  3", // 23 h 59 min after the end
            "1511,  ", // 24 h 1 min after the end
        })
        void measuresTheWindowFromBothEndsOfASustainedFever(long ancMinute, @Nullable Integer expectedGrade) {
            var assessment = assess("0:38.1 70:38.2", ancMinute + ":0.5");

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @ParameterizedTest(name = "fever [{0}], ANCs [{1}] -> grade {2}, judged by ANC {3}")
        @CsvSource({
            "'0:38.5',         '-60:1.2 -180:0.5', 0, 1.2", // the closest wins, even if a further one is low
            "'0:38.5',         '-180:1.2 -60:0.5', 3, 0.5",
            "'0:38.5',         '-120:0.5 120:1.2', 3, 0.5", // tie: the earlier one
            "'0:38.5',         '-120:1.2 120:0.5', 0, 1.2", // tie: the earlier one
            "'0:38.1 70:38.2', '71:1.2 30:0.5',    3, 0.5", // inside the interval is distance 0
            "'0:38.1 70:38.2', '20:1.2 50:0.5',    0, 1.2", // both inside: a tie at 0, the earlier one
            "'0:38.1 70:38.2', '-2:0.5 72:1.2',    3, 0.5", // 2 min from either end: a tie, the earlier one
        })
        void judgesEachFeverByTheClosestAnc(String temperatures, String ancs, int expectedGrade, String expectedAnc) {
            var assessment = assess(temperatures, ancs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.evidence())
                    .filteredOn(evidence -> evidence.code().equals("751-8"))
                    .extracting(Evidence::canonicalValue)
                    .containsExactly(new BigDecimal(expectedAnc));
        }
    }

    @Nested
    class CombiningFeverEvents {

        @ParameterizedTest(name = "fevers [{0}], ANCs [{1}] -> grade {2}")
        @CsvSource({
            "'0:38.5 1500:37.0 3000:38.6', '0:1.2 3000:0.4', 3", // any positive event is enough
            "'0:38.5 1500:37.0 3000:38.6', '0:0.4',          3", // positive and unjudged
            "'0:38.5 1500:37.0 3000:38.6', '0:1.2 3000:1.1', 0", // every event judged, none neutropenic
            "'0:38.5 1500:37.0 3000:38.6', '0:1.2',          ", // one judged negative, one unjudged
            "'0:38.5 1500:37.0 3000:38.6', '-3000:0.4',      ", // none judged
            "'0:38.5 1500:37.0 3000:38.6', '',               ", // no ANC at all
            "'0:37.2 1500:37.0 3000:38.3', '',               0", // no fever: ANC not needed to rule it out
            "'0:37.2 1500:37.0 3000:38.3', '0:0.2',          0", // neutropenia without fever is not febrile neutropenia
        })
        void isPresentIfAnyFeverHasANeutropenicAncAndAbsentOnlyIfEveryFeverWasJudged(
                String temperatures, String ancs, @Nullable Integer expectedGrade) {
            var assessment = assess(temperatures, ancs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void isNotAssessableWithoutTemperatures() {
            var assessment = FebrileNeutropeniaRule.assess(List.of(), ancs("0:0.2"), minute(0));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("no temperature");
        }

        @Test
        void saysWhenNoAncWasCollectedNearTheFever() {
            var assessment = assess("0:38.5", "-3000:0.4");

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("without an ANC collected within 24 h");
            assertThat(assessment.evidence()).extracting(Evidence::code).containsExactly("8310-5");
        }

        @Test
        void saysWhenThereIsNoAncAtAll() {
            var assessment = assess("0:38.5", "");

            assertThat(assessment.notAssessableReason()).contains("no ANC result");
        }

        @Test
        void saysWhichFeversAreUnpairedWhenOthersWereNegative() {
            var assessment = assess("0:38.5 1500:37.0 3000:38.6", "0:1.2");

            assertThat(assessment.notAssessableReason())
                    .contains("1 of 2 fever events have no ANC collected within 24 h");
        }
    }

    @Nested
    class WhenFebrileNeutropeniaIsPresent {

        private final Observation firstFever = aTemperature("38.1", 0);
        private final Observation secondFever = aTemperature("38.2", 70);
        private final Observation lowAnc = anAnc("0.4", 90);
        private final Observation farAnc = anAnc("0.3", 600);
        private final Assessment assessment =
                FebrileNeutropeniaRule.assess(List.of(secondFever, firstFever), List.of(farAnc, lowAnc), minute(120));

        @Test
        void isGrade3FromNumbersOnly() {
            assertThat(assessment.criterion()).isEqualTo(Criterion.FEBRILE_NEUTROPENIA);
            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.labOnlyGrading()).isTrue();
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
            assertThat(assessment.assessedAt()).isEqualTo(minute(120));
        }

        @Test
        void listsTheFeverReadingsAndTheChosenAncAsEvidence() {
            assertThat(assessment.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactly(firstFever.eventId(), secondFever.eventId(), lowAnc.eventId());
        }

        @Test
        void recordsBothCriteriaAsMet() {
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(3, "ANC < 1.0 10*9/L", true),
                            new AppliedThreshold(
                                    3, "single temperature > 38.3 Cel or >= 38.0 Cel sustained > 60 min", true));
        }

        @Test
        void describesTheFeverAndTheAncInClinicalWords() {
            assertThat(assessment.summary())
                    .startsWith("Febrile neutropenia: temperature at or above 38.0 Cel for 70 min")
                    .contains("ANC 0.4 10*9/L collected " + minute(90))
                    .contains("grade 4 (life-threatening consequences) needs clinical judgement");
        }
    }

    @Nested
    class WhenFeverIsAbsent {

        private final Observation highest = aTemperature("38.3", 30);
        private final Assessment assessment = FebrileNeutropeniaRule.assess(
                List.of(aTemperature("37.0", 0), highest, aTemperature("37.5", 60)), List.of(), minute(60));

        @Test
        void isGrade0WithTheHighestTemperatureAsEvidence() {
            assertThat(assessment.grade()).isZero();
            assertThat(assessment.labOnlyGrading()).isTrue();
            assertThat(assessment.evidence()).extracting(Evidence::eventId).containsExactly(highest.eventId());
            assertThat(assessment.thresholds())
                    .containsExactly(new AppliedThreshold(
                            3, "single temperature > 38.3 Cel or >= 38.0 Cel sustained > 60 min", false));
            assertThat(assessment.summary()).startsWith("No febrile neutropenia: no fever in 3 temperature readings");
        }
    }

    @Nested
    class WhenEveryFeverHadANormalAnc {

        @Test
        void isGrade0AndRecordsTheAncThresholdAsNotMet() {
            var assessment = assess("0:38.5", "-60:1.0");

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(3, "ANC < 1.0 10*9/L", false),
                            new AppliedThreshold(
                                    3, "single temperature > 38.3 Cel or >= 38.0 Cel sustained > 60 min", true));
            assertThat(assessment.summary()).startsWith("No febrile neutropenia: temperature 38.5 Cel");
        }
    }

    @Nested
    class UnitsOutsideTheContract {

        @Test
        void refusesToReadAFahrenheitValueAsCelsius() {
            var fahrenheit = new Observation(
                    UUID.randomUUID(),
                    "8310-5",
                    "Body temperature",
                    new BigDecimal("101.0"),
                    "[degF]",
                    new BigDecimal("101.0"),
                    "[degF]",
                    null,
                    minute(0),
                    "msg-1");

            var assessment = FebrileNeutropeniaRule.assess(List.of(fahrenheit), ancs("0:0.5"), minute(0));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("[degF]");
        }
    }
}
