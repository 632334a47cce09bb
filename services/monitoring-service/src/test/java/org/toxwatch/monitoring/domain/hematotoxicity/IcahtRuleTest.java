package org.toxwatch.monitoring.domain.hematotoxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.BERLIN;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.INFUSED_AT;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.anAnc;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.ancsOnDays;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.at;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.dailyPattern;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.eveningOf;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.morningOf;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

/**
 * CRITERIA.md 6.1: ICAHT, EHA/EBMT 2023. Day patterns write one morning ANC per day from day 0: {@code #} at
 * or below 100 cells/uL, {@code x} at or below 500, {@code .} above 500, {@code ?} no value; a group is a week.
 */
class IcahtRuleTest {

    private static Assessment earlyOnDay30(String pattern) {
        return IcahtRule.early(dailyPattern(pattern), INFUSED_AT, BERLIN, eveningOf(30));
    }

    private static Assessment lateOnDay120(List<Observation> ancs) {
        return IcahtRule.late(ancs, INFUSED_AT, BERLIN, eveningOf(120));
    }

    /** Seven mornings (days 0-6) at {@code cells} cells/uL, then above 500 cells/uL to day 30. */
    private static List<Observation> sevenDaysAt(String cells) {
        var ancs = new ArrayList<Observation>();
        for (int day = 0; day <= 30; day++) {
            ancs.add(anAnc(day <= 6 ? cells : CarTReadings.ABOVE_500, morningOf(day)));
        }
        return ancs;
    }

    @Nested
    class EarlyGrade {

        @ParameterizedTest(name = "[{0}] -> D500 {1}, D100 {2}, grade {3}")
        @CsvSource({
            "'....... ....... ....... ....... ...',  0,  0, 0",
            "'x...... ....... ....... ....... ...',  1,  0, 1",
            "'xxxxxx. ....... ....... ....... ...',  6,  0, 1",
            "'xxxxxxx ....... ....... ....... ...',  7,  0, 2",
            "'xxxxxxx xxxxxx. ....... ....... ...', 13,  0, 2",
            "'xxxxxxx xxxxxxx ....... ....... ...', 14,  0, 3",
            "'xxxxxxx xxxxxxx xxxxxxx xxxxxxx xx.', 30,  0, 3",
            "'.xxxxxx xxxxxxx xxxxxxx xxxxxxx xxx', 30,  0, 3",
            "'xxxxxxx xxxxxxx xxxxxxx xxxxxxx xxx', 31,  0, 4",
            "'######. ....... ....... ....... ...',  6,  6, 1", // D100 < 7 contributes nothing
            "'####### ....... ....... ....... ...',  7,  7, 3",
            "'####### ######. ....... ....... ...', 13, 13, 3",
            "'####### ######x ....... ....... ...', 14, 13, 3",
            "'####### ####### ....... ....... ...', 14, 14, 4",
            "'xxxxxxx xxxx### ####### ####### ...', 28, 17, 4",
        })
        void isTheWorseOfTheGradesFromD500AndD100(String pattern, int d500, int d100, int expectedGrade) {
            var assessment = earlyOnDay30(pattern);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains("D500 = %d and D100 = %d".formatted(d500, d100));
        }

        @ParameterizedTest(name = "ANC {0} cells/uL on days 0-6 -> grade {1}")
        @CsvSource({
            "500, 2", // D500 = 7
            "501, 0", // 501 is not neutropenic
            "100, 3", // D100 = 7
            "101, 2", // D100 = 0, D500 = 7
        })
        void comparesInclusivelyInCellsPerMicrolitre(String cells, int expectedGrade) {
            var assessment = IcahtRule.early(sevenDaysAt(cells), INFUSED_AT, BERLIN, eveningOf(30));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void usesTheLowestAncOfEachDay() {
            var ancs = new ArrayList<Observation>();
            for (int day = 0; day <= 30; day++) {
                ancs.add(anAnc("2000", morningOf(day)));
                ancs.add(anAnc(day <= 6 ? "400" : "2000", eveningOf(day)));
            }

            var assessment = IcahtRule.early(ancs, INFUSED_AT, BERLIN, eveningOf(30));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.evidence()).hasSize(31);
            assertThat(assessment.evidence().subList(0, 7))
                    .extracting(Evidence::value)
                    .allSatisfy(value -> assertThat(value).isEqualByComparingTo("400"));
        }

        @Test
        void countsSeparateEpisodesTogether() { // A-8 (a): cumulative, not the longest episode
            var assessment = earlyOnDay30("xxxx... .xxxx.. ....... ....... ...");

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).contains("D500 = 8 and D100 = 0");
        }

        @Test
        void doesNotReadEarlyRecoveryFollowedByNoRecoveryAsNeverAbove500() { // A-8 (b)
            var assessment = earlyOnDay30("....xxx xxxxxxx xxxxxxx xxxxxxx xxx");

            assertThat(assessment.grade()).isEqualTo(3);
        }

        @Test
        void countsBridgedDaysTowardsAllThirtyOneDays() { // A-8 (c): grade 4 needs D500 = 31, bridged days count
            var assessment = earlyOnDay30("xxxxx.x xxxxxxx xxxxxxx xxxxxxx xxx");

            assertThat(assessment.grade()).isEqualTo(4);
        }
    }

    @Nested
    class NonStableRecovery {

        @ParameterizedTest(name = "[{0}] -> D500 {1}, D100 {2}, grade {3}")
        @CsvSource({
            "'xxx.xxx ....... ....... ....... ...',  7, 0, 2", // 1 above day bridged
            "'xxx..xx x...... ....... ....... ...',  8, 0, 2", // 2 above days bridged
            "'xxx...x xx..... ....... ....... ...',  6, 0, 1", // 3 above days: stable recovery
            "'..xxxxx x...... ....... ....... ...',  6, 0, 1", // no below day before the run
            "'....... ....... ....... ..xxxxx x..',  6, 0, 1", // no below day after the run in days 0-30
            "'###x### ....... ....... ....... ...',  7, 7, 3", // bridged for D100: 300 is above 100
            "'###.### ....... ....... ....... ...',  7, 7, 3",
            "'###xx## #...... ....... ....... ...',  8, 8, 3",
            "'###xxx# ##..... ....... ....... ...',  9, 6, 2", // 3 days above 100: D100 not bridged
        })
        void countsOneOrTwoAboveDaysBetweenBelowDaysAsBelow(String pattern, int d500, int d100, int expectedGrade) {
            var assessment = earlyOnDay30(pattern);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains("D500 = %d and D100 = %d".formatted(d500, d100));
        }

        @ParameterizedTest(name = "[{0}] -> D500 {1}, grade {2}")
        @CsvSource({
            "'xxx?xxx ....... ....... ....... ...', 7, 2", // 1 unknown day bridged
            "'xxx??xx x...... ....... ....... ...', 8, 2", // 2 unknown days bridged
            "'xxx???x xx..... ....... ....... ...', 6, 1", // 3 unknown days: not counted
            "'xxx?.xx x...... ....... ....... ...', 8, 2", // unknown and above, 2 days together
            "'xxx.?xx x...... ....... ....... ...', 8, 2",
            "'xxx?.?x xx..... ....... ....... ...', 6, 1", // unknown and above, 3 days together
            "'?xxxxxx ....... ....... ....... ...', 6, 1", // not between two below days
            "'....... ....... ....... ..xxxxx x??', 6, 1",
        })
        void bridgesOneOrTwoUnknownDaysBetweenBelowDays(String pattern, int d500, int expectedGrade) {
            var assessment = earlyOnDay30(pattern);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains("D500 = %d and".formatted(d500));
        }
    }

    @Nested
    class EarlyDataCompleteness {

        @Test
        void saysNothingIsMissingWhenEveryDayHasAValue() {
            var assessment = earlyOnDay30("xxxxxxx ....... ....... ....... ...");

            assertThat(assessment.summary()).doesNotContain(IcahtRule.DATA_INCOMPLETE);
        }

        @Test
        void flagsDataIncompleteAndNamesTheDaysWithoutAValue() {
            var assessment = earlyOnDay30("xxx?xxx ....?.. ....... ....... .??");

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).contains(IcahtRule.DATA_INCOMPLETE + ": no ANC on days 3, 11, 29-30");
        }

        @Test
        void isNotAssessableWithoutAnyAncInTheWindow() {
            var beforeInfusion = List.of(anAnc("300", morningOf(-1)));

            var assessment = IcahtRule.early(beforeInfusion, INFUSED_AT, BERLIN, eveningOf(30));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("no ANC result on days 0-30");
        }

        @Test
        void isNotAssessableBeforeTheInfusionDate() {
            var assessment = IcahtRule.early(dailyPattern("x"), INFUSED_AT, BERLIN, eveningOf(-1));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("before the infusion date");
        }

        @Test
        void isNotAssessableFromAnAncInANonCanonicalUnit() {
            var inCells = anAnc("300", morningOf(0));
            var unconverted = new Observation(
                    inCells.eventId(),
                    inCells.code(),
                    inCells.display(),
                    inCells.reportedValue(),
                    inCells.reportedUnit(),
                    inCells.reportedValue(),
                    inCells.reportedUnit(),
                    null,
                    inCells.observedAt(),
                    inCells.sourceMessageId());

            var assessment = IcahtRule.early(List.of(unconverted), INFUSED_AT, BERLIN, eveningOf(30));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("not converted to the canonical unit 10*9/L");
        }
    }

    @Nested
    class BeforeDay30 {

        @Test
        void gradesWhatIsKnownSoFarAndSaysItIsProvisional() {
            var assessment = IcahtRule.early(dailyPattern("xxxxxxx xxxx"), INFUSED_AT, BERLIN, eveningOf(10));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary())
                    .contains("provisional, day 10 of 30")
                    .doesNotContain(IcahtRule.DATA_INCOMPLETE);
        }

        @Test
        void isNoLongerProvisionalOnDay30() {
            var assessment = earlyOnDay30("xxxxxxx ....... ....... ....... ...");

            assertThat(assessment.summary()).doesNotContain("provisional");
        }

        @Test
        void ignoresAncsCollectedAfterTheAssessmentTime() {
            var ancs = dailyPattern("xxxxxxx xxxxxxx xxxxxxx xxxxxxx xxx");

            var assessment = IcahtRule.early(ancs, INFUSED_AT, BERLIN, at(6, 6, 0));

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.evidence()).hasSize(6);
            assertThat(assessment.summary())
                    .contains(
                            "D500 = 6 and",
                            "provisional, day 6 of 30",
                            IcahtRule.DATA_INCOMPLETE + ": no ANC on day 6");
        }

        @ParameterizedTest(name = "[xxxxx.x] assessed on day {0} -> D500 {1}, grade {2}")
        @CsvSource({
            "5, 5, 1", // day 5 is above and no later day exists yet
            "6, 7, 2", // day 6 is below again: day 5 was a non-stable recovery
        })
        void bridgesARecoveryOnlyOnceABelowDayFollowsIt(int day, int d500, int expectedGrade) {
            var assessment = IcahtRule.early(dailyPattern("xxxxx.x"), INFUSED_AT, BERLIN, eveningOf(day));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
            assertThat(assessment.summary()).contains("D500 = %d and".formatted(d500));
        }
    }

    @Nested
    class CalendarDays {

        private static final Instant INFUSED_NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");

        @ParameterizedTest(name = "hospital zone {0} -> grade {1}")
        @CsvSource({
            "Europe/Berlin, 2", // 2026-03-07T23:30Z is 00:30 on 8 March in Berlin: day 6
            "UTC,           1", // the same instant is still 7 March in UTC: day 5 again
        })
        void countsCalendarDaysInTheHospitalTimeZone(String zone, int expectedGrade) {
            var ancs = new ArrayList<Observation>();
            for (int day = 0; day <= 5; day++) {
                ancs.add(anAnc("300", INFUSED_NOON_UTC.plusSeconds(day * 86_400L)));
            }
            ancs.add(anAnc("300", Instant.parse("2026-03-07T23:30:00Z")));
            var assessedOnDay30 = Instant.parse("2026-04-01T12:00:00Z");

            var assessment = IcahtRule.early(ancs, INFUSED_NOON_UTC, ZoneId.of(zone), assessedOnDay30);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @ParameterizedTest(name = "hospital zone {0} -> grade {1}")
        @CsvSource({
            "Europe/Berlin, 1", // infusion at 00:30 on 3 March in Berlin: the 2 March ANC is day -1, ignored
            "UTC,           2", // infusion on 2 March in UTC: the ANC is day 0
        })
        void takesDayZeroFromTheInfusionDateInTheHospitalTimeZone(String zone, int expectedGrade) {
            var infusedAt = Instant.parse("2026-03-02T23:30:00Z");
            var ancs = new ArrayList<Observation>();
            ancs.add(anAnc("300", Instant.parse("2026-03-02T22:00:00Z")));
            for (int day = 1; day <= 6; day++) {
                ancs.add(anAnc("300", Instant.parse("2026-03-02T12:00:00Z").plusSeconds(day * 86_400L)));
            }

            var assessment = IcahtRule.early(ancs, infusedAt, ZoneId.of(zone), Instant.parse("2026-04-10T12:00:00Z"));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class EarlyAssessment {

        @Test
        void recordsTheTableRowsWithTheOneMet() {
            var assessment = earlyOnDay30("xxxxxxx ....... ....... ....... ...");

            assertThat(assessment.criterion()).isEqualTo(Criterion.ICAHT_EARLY);
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(1, "D500 1-6 and D100 < 7", false),
                            new AppliedThreshold(2, "D500 7-13 and D100 < 7", true),
                            new AppliedThreshold(3, "D500 14-30 or D100 7-13", false),
                            new AppliedThreshold(4, "D500 31 (never above 500 during days 0-30) or D100 >= 14", false));
        }

        @Test
        void listsTheDailyLowestAncsAsEvidenceAndUsesNoReferenceRange() {
            var ancs = dailyPattern("xxxxxxx ....... ....... ....... ...");

            var assessment = IcahtRule.early(ancs, INFUSED_AT, BERLIN, eveningOf(30));

            assertThat(assessment.evidence())
                    .containsExactlyElementsOf(
                            ancs.stream().map(Observation::toEvidence).toList());
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
            assertThat(assessment.labOnlyGrading()).isFalse();
            assertThat(assessment.assessedAt()).isEqualTo(eveningOf(30));
        }
    }

    @Nested
    class LateGrade {

        @ParameterizedTest(name = "[{0}] cells/uL -> grade {1}")
        @CsvSource({
            "'35:1500 36:1500',      1",
            "'35:1501 36:1500',      0",
            "'35:1000 36:1000',      2",
            "'35:1001 36:1000',      1",
            "'35:500 36:500',        3",
            "'35:501 36:500',        2",
            "'35:100 36:100',        4",
            "'35:101 36:100',        3",
            "'35:80 60:90 90:400',   4",
            "'35:2000 60:3000',      0",
            "'35:80 35:90',          0", // two values on the same day
            "'35:80 35:90 36:1200',  1", // the same day counts once
            "'35:80 50:1200',        1", // not graded by the nadir
            "'31:50 100:50',         4", // the window is inclusive
            "'30:50 31:50',          0", // day 30 belongs to early ICAHT
            "'100:50 101:50',        0", // day 101 is after the window
        })
        void isTheHighestGradeWithTwoDifferentDaysAtOrBelowItsThreshold(String ancs, int expectedGrade) {
            var assessment = lateOnDay120(ancsOnDays(ancs));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void saysWhenASingleNadirDoesNotRaiseTheGrade() {
            var assessment = lateOnDay120(ancsOnDays("35:80 50:1200"));

            assertThat(assessment.summary())
                    .contains("ANC <= 1500 cells/uL on 2 different days (days 35, 50)")
                    .contains("grade 4 needs two different days");
        }

        @Test
        void recordsTheTableRowsWithThoseMet() {
            var assessment = lateOnDay120(ancsOnDays("35:400 50:900"));

            assertThat(assessment.criterion()).isEqualTo(Criterion.ICAHT_LATE);
            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(1, "ANC <= 1500 cells/uL on at least two different days", true),
                            new AppliedThreshold(2, "ANC <= 1000 cells/uL on at least two different days", true),
                            new AppliedThreshold(3, "ANC <= 500 cells/uL on at least two different days", false),
                            new AppliedThreshold(4, "ANC <= 100 cells/uL on at least two different days", false));
            assertThat(assessment.evidence()).hasSize(2);
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
            assertThat(assessment.labOnlyGrading()).isFalse();
        }
    }

    @Nested
    class LateWindow {

        @ParameterizedTest(name = "assessed on day {0} -> graded {1}")
        @CsvSource({"30, false", "31, true"})
        void startsOnDay31(int day, boolean graded) {
            var assessment = IcahtRule.late(ancsOnDays("31:50"), INFUSED_AT, BERLIN, eveningOf(day));

            assertThat(assessment.isGraded()).isEqualTo(graded);
        }

        @Test
        void isProvisionalBeforeDay100() {
            var assessment = IcahtRule.late(ancsOnDays("31:50"), INFUSED_AT, BERLIN, eveningOf(31));

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary()).contains("provisional, day 31 of 100");
        }

        @Test
        void isNotAssessableWithoutAnAncInTheWindow() {
            var assessment = lateOnDay120(ancsOnDays("20:50 110:50"));

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).contains("no ANC result on days 31-100");
        }
    }
}
