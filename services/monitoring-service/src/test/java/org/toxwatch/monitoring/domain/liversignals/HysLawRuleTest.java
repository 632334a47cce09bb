package org.toxwatch.monitoring.domain.liversignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.DAY_ZERO;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.alp;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.alt;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.altWithDefaultUln;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.ast;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.bilirubin;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.hoursAfter;
import static org.toxwatch.monitoring.domain.liversignals.LiverSignalFixtures.minutesAfter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;

/** CRITERIA.md 7.1: potential Hy's law signal. */
class HysLawRuleTest {

    private static final Instant AT = DAY_ZERO;

    @Nested
    class AminotransferaseCriterion {

        @ParameterizedTest(name = "{0} {1} U/L with ULN 40 and bilirubin 2.41 (ULN 1.2) -> signal {2}")
        @CsvSource({
            "ALT, 119, 0",
            "ALT, 120, 1", // exactly 3 x ULN: ">= 3 x ULN" (FDA, A-11)
            "AST, 119, 0",
            "AST, 120, 1",
        })
        void raisesTheSignalFromThreeTimesUlnOfEitherEnzyme(String enzyme, String value, int expected) {
            var aminotransferase = "ALT".equals(enzyme) ? alt(value, "40", AT) : ast(value, "40", AT);
            var alts = "ALT".equals(enzyme) ? List.of(aminotransferase) : List.<LiverTest>of();
            var asts = "AST".equals(enzyme) ? List.of(aminotransferase) : List.<LiverTest>of();

            var assessment = HysLawRule.assess(alts, asts, List.of(bilirubin("2.41", "1.2", AT)), List.of(), AT);

            assertThat(assessment.criterion()).isEqualTo(Criterion.HYS_LAW);
            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void raisesTheSignalWhenOnlyOneOfTheTwoEnzymesMeetsIt() {
            var assessment = HysLawRule.assess(
                    List.of(alt("60", "40", AT)),
                    List.of(ast("120", "40", AT)),
                    List.of(bilirubin("2.41", "1.2", AT)),
                    List.of(),
                    AT);

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary()).contains("AST 120 U/L (ULN 40 U/L) >= 3 x ULN");
        }
    }

    @Nested
    class BilirubinCriterion {

        @ParameterizedTest(name = "bilirubin {0} mg/dL with ULN 1.2 and ALT 120 (ULN 40) -> signal {1}")
        @CsvSource({
            "2.4,  0", // exactly 2 x ULN is not "> 2 x ULN"
            "2.41, 1",
        })
        void needsBilirubinStrictlyAboveTwiceUln(String value, int expected) {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)), List.of(), List.of(bilirubin(value, "1.2", AT)), List.of(), AT);

            assertThat(assessment.grade()).isEqualTo(expected);
        }
    }

    @Nested
    class SameWindow {

        @ParameterizedTest(name = "bilirubin {0} min after ALT -> signal {1}")
        @CsvSource({
            "2880,  1",
            "2881,  ", // 48 h + 1 min: no pair, not assessable
            "-2880, 1",
            "-2881, ",
        })
        void pairsSpecimensCollectedAtMost48HoursApart(long minutesAfterAlt, @Nullable Integer expected) {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", minutesAfter(AT, minutesAfterAlt))),
                    List.of(),
                    AT);

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void isNotAssessableWithoutAnAminotransferaseWithin48HoursOfABilirubin() {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", minutesAfter(AT, 2881))),
                    List.of(),
                    AT);

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason())
                    .isEqualTo("no ALT or AST collected within 48 h of a total bilirubin");
            assertThat(assessment.evidence()).hasSize(2);
        }

        @Test
        void doesNotCombineCriteriaMetByPairsTooFarApart() {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT), alt("40", "40", hoursAfter(AT, 72))),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", hoursAfter(AT, 72))),
                    List.of(),
                    hoursAfter(AT, 72));

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(1, HysLawRule.AMINOTRANSFERASE_CRITERION, false),
                            new AppliedThreshold(1, HysLawRule.BILIRUBIN_CRITERION, true),
                            new AppliedThreshold(1, HysLawRule.WINDOW_CRITERION, true));
        }
    }

    @Nested
    class CholestasisQualifier {

        @ParameterizedTest(name = "ALP {0} U/L with ULN 130 -> signal still raised, cholestaticPattern = {1}")
        @CsvSource({
            "259, false",
            "260, true", // exactly 2 x ULN: ">= 2 x ULN"
        })
        void labelsTheSignalCholestaticFromTwiceUlnOfAlp(String alpValue, boolean cholestatic) {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", AT)),
                    List.of(alp(alpValue, "130", AT)),
                    AT);

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary()).contains("cholestaticPattern = " + cholestatic);
            assertThat(assessment.thresholds())
                    .contains(new AppliedThreshold(1, HysLawRule.CHOLESTASIS_QUALIFIER, cholestatic));
        }

        @ParameterizedTest(name = "ALP 260 U/L collected {0} min after the pair -> cholestaticPattern = {1}")
        @CsvSource({"2880, true", "2881, false"})
        void looksForAlpOnlyWithin48HoursOfBothSpecimens(long minutesAfterPair, boolean cholestatic) {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", AT)),
                    List.of(alp("260", "130", minutesAfter(AT, minutesAfterPair))),
                    AT);

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary()).contains("cholestaticPattern = " + cholestatic);
        }

        @Test
        void saysSoWhenNoAlpWasCollectedInTheWindow() {
            var assessment = HysLawRule.assess(
                    List.of(alt("120", "40", AT)), List.of(), List.of(bilirubin("2.41", "1.2", AT)), List.of(), AT);

            assertThat(assessment.summary())
                    .contains("cholestaticPattern = false (no ALP collected in the same window");
        }

        @Test
        void showsASignallingPairWithoutCholestasisWhenThereIsOne() {
            var later = hoursAfter(AT, 96);

            var assessment = HysLawRule.assess(
                    List.of(alt("200", "40", AT), alt("300", "40", later)),
                    List.of(),
                    List.of(bilirubin("3.0", "1.2", AT), bilirubin("3.0", "1.2", later)),
                    List.of(alp("100", "130", AT), alp("400", "130", later)),
                    later);

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary())
                    .contains("ALT 200 U/L")
                    .contains("cholestaticPattern = false")
                    .contains("2 specimen pairs met both criteria");
        }
    }

    @Nested
    class Outcome {

        @Test
        void listsThePairAndTheAlpUsedAsEvidence() {
            var altResult = alt("130", "40", AT);
            var bilirubinResult = bilirubin("2.5", "1.2", hoursAfter(AT, 6));
            var alpResult = alp("300", "130", hoursAfter(AT, 3));

            var assessment = HysLawRule.assess(
                    List.of(altResult), List.of(), List.of(bilirubinResult), List.of(alpResult), hoursAfter(AT, 6));

            assertThat(assessment.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactly(
                            altResult.observation().eventId(),
                            alpResult.observation().eventId(),
                            bilirubinResult.observation().eventId());
            assertThat(assessment.assessedAt()).isEqualTo(hoursAfter(AT, 6));
            assertThat(assessment.summary())
                    .startsWith("Potential Hy's law signal: ALT 130 U/L (ULN 40 U/L) >= 3 x ULN, and Total bilirubin"
                            + " 2.5 mg/dL (ULN 1.2 mg/dL) > 2 x ULN, collected 6 h apart (within 48 h)."
                            + " cholestaticPattern = true");
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
            assertThat(assessment.labOnlyGrading()).isFalse();
        }

        @Test
        void isAssessedAndAbsentWhenAPairExistsButMeetsNeitherCriterion() {
            var assessment = HysLawRule.assess(
                    List.of(alt("40", "40", AT)), List.of(), List.of(bilirubin("1.0", "1.2", AT)), List.of(), AT);

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary()).startsWith("No potential Hy's law signal");
        }

        @Test
        void marksAUlnThatCanOnlyBeTheDefault() {
            var assessment = HysLawRule.assess(
                    List.of(altWithDefaultUln("120", AT)),
                    List.of(),
                    List.of(bilirubin("2.41", "1.2", AT)),
                    List.of(),
                    AT);

            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
            assertThat(assessment.summary())
                    .contains("adult default (no range reported; docs/clinical/codes-and-units.md#default-ranges)");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"no aminotransferase, no ALT or AST result", "no bilirubin, no total bilirubin result"})
        void isNotAssessableWithoutBothKindsOfResult(String missing, String reason) {
            var aminotransferases =
                    missing.equals("no aminotransferase") ? List.<LiverTest>of() : List.of(alt("200", "40", AT));
            var bilirubins =
                    missing.equals("no bilirubin") ? List.<LiverTest>of() : List.of(bilirubin("3.0", "1.2", AT));

            var assessment = HysLawRule.assess(aminotransferases, List.of(), bilirubins, List.of(), AT);

            assertThat(assessment.grade()).isNull();
            assertThat(assessment.notAssessableReason()).isEqualTo(reason);
        }
    }

    @Nested
    class LongCourses {

        /**
         * Bilirubin in collection order is searched around each aminotransferase rather than scanned whole; a list
         * that cannot be searched (not random access) is scanned whole. Both must find the same pairs in the same
         * order, so the same assessment, whatever the course: results every few hours over weeks, each value either
         * side of its threshold, some pairs exactly 48 h apart.
         */
        @Test
        void aCourseSearchedAroundEachAminotransferaseGradesAsOneScannedWhole() {
            var random = new Random(20261207);
            for (int course = 0; course < 300; course++) {
                var alts = new ArrayList<LiverTest>();
                var asts = new ArrayList<LiverTest>();
                var bilirubins = new ArrayList<LiverTest>();
                var alps = new ArrayList<LiverTest>();
                long minute = 0;
                int results = 1 + random.nextInt(60);
                for (int i = 0; i < results; i++) {
                    minute += random.nextBoolean() ? 48 * 60 : random.nextInt(36 * 60);
                    var at = minutesAfter(AT, minute);
                    switch (random.nextInt(4)) {
                        case 0 -> alts.add(alt(random.nextBoolean() ? "120" : "119", "40", at));
                        case 1 -> asts.add(ast(random.nextBoolean() ? "150" : "60", "50", at));
                        case 2 -> bilirubins.add(bilirubin(random.nextBoolean() ? "2.41" : "2.40", "1.2", at));
                        default -> alps.add(alp(random.nextBoolean() ? "260" : "100", "130", at));
                    }
                }
                var newest = minutesAfter(AT, minute);

                var searched = HysLawRule.assess(alts, asts, bilirubins, alps, newest);
                var scanned = HysLawRule.assess(alts, asts, new LinkedList<>(bilirubins), alps, newest);

                assertThat(searched).as("course %d", course).isEqualTo(scanned);
            }
        }
    }
}
