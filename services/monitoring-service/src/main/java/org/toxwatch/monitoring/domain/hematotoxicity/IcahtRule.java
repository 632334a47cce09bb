package org.toxwatch.monitoring.domain.hematotoxicity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;

/**
 * Immune effector cell-associated hematotoxicity (ICAHT) after CAR-T infusion, EHA/EBMT consensus grading
 * (Rejeski et al., Blood 2023;142(10):865-877), as CRITERIA.md 6.1 specifies it: early ICAHT from the
 * cumulative days of neutropenia in days 0-30, late ICAHT from repeated neutropenia in days 31-100.
 *
 * <p>Days are calendar days in the hospital's time zone with the infusion date as day 0 (CRITERIA.md 1.5).
 * ANC observations carry 10*9/L, the canonical unit; the consensus thresholds are in cells/uL, so values are
 * multiplied by 1000 exactly and compared inclusively (500 cells/uL is neutropenic, 501 is not). An assessment
 * knows only the days up to the day of {@code assessedAt} and the observations collected until then: before
 * the window is complete the grade is what is known so far and the summary says so.
 *
 * <p>The grades come from counts alone and have no clinical component, so they are not lab-only grades in the
 * sense of CRITERIA.md 1.6; absolute thresholds mean no reference range is used.
 */
public final class IcahtRule {

    /** Written into the summary whenever a day of the early window has no ANC (CRITERIA.md 6.1, rule 4). */
    public static final String DATA_INCOMPLETE = "icahtDataIncomplete";

    static final int EARLY_FIRST_DAY = 0;
    static final int EARLY_LAST_DAY = 30;
    static final int LATE_FIRST_DAY = 31;
    static final int LATE_LAST_DAY = 100;

    private static final BigDecimal ANC_500 = BigDecimal.valueOf(500);
    private static final BigDecimal ANC_100 = BigDecimal.valueOf(100);
    private static final int EARLY_WINDOW_DAYS = EARLY_LAST_DAY - EARLY_FIRST_DAY + 1;

    /** Late ICAHT grades and their thresholds in cells/uL, most severe first (CRITERIA.md 6.1 late table). */
    private static final List<LateGrade> LATE_GRADES = List.of(
            new LateGrade(4, BigDecimal.valueOf(100)),
            new LateGrade(3, BigDecimal.valueOf(500)),
            new LateGrade(2, BigDecimal.valueOf(1000)),
            new LateGrade(1, BigDecimal.valueOf(1500)));

    private IcahtRule() {}

    /**
     * Early ICAHT (days 0-30): grade = max of the grade from D500 (1-6 days: 1, 7-13: 2, 14-30: 3, 31: 4) and
     * the grade from D100 (7-13 days: 3, 14 or more: 4). Grade 4 from D500 needs all 31 days counted below 500
     * cells/uL (A-8: graded by D500/D100, bridged days counted), so a patient above 500 on days 0-3 who never
     * recovers afterwards is grade 3.
     *
     * @param ancs absolute neutrophil counts in 10*9/L, any order; those outside days 0-30 or after
     *     {@code assessedAt} are ignored
     * @param infusedAt the CAR-T infusion (day 0)
     * @param hospitalZone the treating hospital's time zone, which fixes calendar days
     * @param assessedAt the time the assessment is made for; days after its day do not exist yet
     */
    public static Assessment early(List<Observation> ancs, Instant infusedAt, ZoneId hospitalZone, Instant assessedAt) {
        var days = DaysAfterInfusion.of(infusedAt, hospitalZone);
        int today = days.dayOf(assessedAt);
        if (today < EARLY_FIRST_DAY) {
            return Assessment.notAssessable(
                    Criterion.ICAHT_EARLY,
                    assessedAt,
                    "assessed on day %d, before the infusion date (day 0)".formatted(today),
                    List.of());
        }
        int lastDay = Math.min(EARLY_LAST_DAY, today);
        var window = DailyAnc.within(ancs, days, EARLY_FIRST_DAY, lastDay, assessedAt);
        var unconverted = DailyAnc.firstNotCanonical(window);
        if (unconverted.isPresent()) {
            return notConverted(Criterion.ICAHT_EARLY, unconverted.get(), assessedAt);
        }
        if (window.isEmpty()) {
            return Assessment.notAssessable(
                    Criterion.ICAHT_EARLY,
                    assessedAt,
                    "no ANC result on days %s after infusion (%s)"
                            .formatted(dayRange(EARLY_FIRST_DAY, lastDay), DATA_INCOMPLETE),
                    List.of());
        }
        var series = DailyAnc.of(window, days, EARLY_FIRST_DAY, lastDay);
        var d500 = NeutropeniaDuration.of(series, ANC_500);
        var d100 = NeutropeniaDuration.of(series, ANC_100);
        int grade = Math.max(gradeFromD500(d500.days()), gradeFromD100(d100.days()));
        return Assessment.graded(
                Criterion.ICAHT_EARLY,
                grade,
                assessedAt,
                earlySummary(grade, series, d500, d100, today),
                earlyThresholds(d500.days(), d100.days()),
                series.evidence(),
                false,
                ReferenceRangeSource.NOT_USED);
    }

    /**
     * Late ICAHT (days 31-100): the highest grade g with at least two ANC values on different days at or
     * below g's threshold (1: 1500, 2: 1000, 3: 500, 4: 100 cells/uL); 0 when fewer than two days are at or
     * below 1500. A single low nadir does not set the grade (A-9: ANC 80 then 1200 is grade 1).
     *
     * @param ancs absolute neutrophil counts in 10*9/L, any order; those outside days 31-100 or after
     *     {@code assessedAt} are ignored
     * @param infusedAt the CAR-T infusion (day 0)
     * @param hospitalZone the treating hospital's time zone, which fixes calendar days
     * @param assessedAt the time the assessment is made for; before day 31 late ICAHT is not assessable
     */
    public static Assessment late(List<Observation> ancs, Instant infusedAt, ZoneId hospitalZone, Instant assessedAt) {
        var days = DaysAfterInfusion.of(infusedAt, hospitalZone);
        int today = days.dayOf(assessedAt);
        if (today < LATE_FIRST_DAY) {
            return Assessment.notAssessable(
                    Criterion.ICAHT_LATE,
                    assessedAt,
                    "late ICAHT is assessed from day %d after infusion; assessed on day %d"
                            .formatted(LATE_FIRST_DAY, today),
                    List.of());
        }
        int lastDay = Math.min(LATE_LAST_DAY, today);
        var window = DailyAnc.within(ancs, days, LATE_FIRST_DAY, lastDay, assessedAt);
        var unconverted = DailyAnc.firstNotCanonical(window);
        if (unconverted.isPresent()) {
            return notConverted(Criterion.ICAHT_LATE, unconverted.get(), assessedAt);
        }
        if (window.isEmpty()) {
            return Assessment.notAssessable(
                    Criterion.ICAHT_LATE,
                    assessedAt,
                    "no ANC result on days %s after infusion".formatted(dayRange(LATE_FIRST_DAY, lastDay)),
                    List.of());
        }
        var series = DailyAnc.of(window, days, LATE_FIRST_DAY, lastDay);
        var thresholds = new ArrayList<AppliedThreshold>();
        LateGrade graded = null;
        for (var lateGrade : LATE_GRADES) {
            boolean met = series.daysAtOrBelow(lateGrade.threshold()).size() >= 2;
            thresholds.addFirst(new AppliedThreshold(lateGrade.grade(), lateGrade.condition(), met));
            if (met && graded == null) {
                graded = lateGrade;
            }
        }
        int grade = graded == null ? 0 : graded.grade();
        return Assessment.graded(
                Criterion.ICAHT_LATE,
                grade,
                assessedAt,
                lateSummary(graded, series, today),
                thresholds,
                series.evidence(),
                false,
                ReferenceRangeSource.NOT_USED);
    }

    static int gradeFromD500(int d500) {
        if (d500 >= EARLY_WINDOW_DAYS) {
            return 4;
        }
        if (d500 >= 14) {
            return 3;
        }
        if (d500 >= 7) {
            return 2;
        }
        return d500 >= 1 ? 1 : 0;
    }

    /** D100 below 7 days contributes nothing. */
    static int gradeFromD100(int d100) {
        if (d100 >= 14) {
            return 4;
        }
        return d100 >= 7 ? 3 : 0;
    }

    /** The rows of the early ICAHT table as CRITERIA.md 6.1 writes them. */
    private static List<AppliedThreshold> earlyThresholds(int d500, int d100) {
        return List.of(
                new AppliedThreshold(1, "D500 1-6 and D100 < 7", d500 >= 1 && d500 <= 6 && d100 < 7),
                new AppliedThreshold(2, "D500 7-13 and D100 < 7", d500 >= 7 && d500 <= 13 && d100 < 7),
                new AppliedThreshold(
                        3, "D500 14-30 or D100 7-13", (d500 >= 14 && d500 <= 30) || (d100 >= 7 && d100 <= 13)),
                new AppliedThreshold(
                        4,
                        "D500 31 (never above 500 during days 0-30) or D100 >= 14",
                        d500 >= EARLY_WINDOW_DAYS || d100 >= 14));
    }

    private static String earlySummary(
            int grade, DailyAnc series, NeutropeniaDuration d500, NeutropeniaDuration d100, int today) {
        int nadirDay = series.nadirDay();
        var text = new StringBuilder(("Early ICAHT grade %d (%s): D500 = %d and D100 = %d days with ANC <= 500 and"
                        + " <= 100 cells/uL in days %s, counted cumulatively; a run of 1-2 days above the threshold"
                        + " or without a value between two days at or below it counts as below (%d bridged for D500,"
                        + " %d for D100). Lowest ANC %s cells/uL on day %d.")
                .formatted(
                        grade,
                        progress(today, EARLY_LAST_DAY),
                        d500.days(),
                        d100.days(),
                        dayRange(series.firstDay(), series.lastDay()),
                        d500.bridgedDays(),
                        d100.bridgedDays(),
                        cells(series, nadirDay),
                        nadirDay));
        var unknown = series.unknownDays();
        if (!unknown.isEmpty()) {
            text.append((" %s: no ANC on day%s %s; a day without a value counts only when bridged, so the grade may"
                            + " be understated.")
                    .formatted(DATA_INCOMPLETE, unknown.size() == 1 ? "" : "s", describeDays(unknown)));
        }
        return text.toString();
    }

    private static String lateSummary(@Nullable LateGrade graded, DailyAnc series, int today) {
        int grade = graded == null ? 0 : graded.grade();
        int nadirDay = series.nadirDay();
        var text = new StringBuilder("Late ICAHT grade %d (%s): ".formatted(grade, progress(today, LATE_LAST_DAY)));
        if (graded == null) {
            text.append("fewer than two different days in days %s with ANC <= %s cells/uL"
                    .formatted(
                            dayRange(series.firstDay(), series.lastDay()),
                            LATE_GRADES.getLast().threshold()));
        } else {
            var qualifying = series.daysAtOrBelow(graded.threshold());
            text.append("ANC <= %s cells/uL on %d different days (days %s)"
                    .formatted(graded.threshold(), qualifying.size(), describeDays(qualifying)));
        }
        text.append("; lowest ANC %s cells/uL on day %d.".formatted(cells(series, nadirDay), nadirDay));
        var nadir = Objects.requireNonNull(series.cellsPerMicrolitre(nadirDay));
        LATE_GRADES.stream()
                .filter(lateGrade -> lateGrade.grade() > grade && nadir.compareTo(lateGrade.threshold()) <= 0)
                .findFirst()
                .ifPresent(nadirGrade -> text.append(
                        " Only one day at or below %s cells/uL, and grade %d needs two different days (A-9, docs/clinical/conventions.md#a-9)."
                                .formatted(nadirGrade.threshold(), nadirGrade.grade())));
        return text.toString();
    }

    private static Assessment notConverted(Criterion criterion, Observation anc, Instant assessedAt) {
        return Assessment.notAssessable(
                criterion,
                assessedAt,
                "%s reported in %s, not converted to the canonical unit %s"
                        .formatted(anc.display(), anc.unit(), DailyAnc.CANONICAL_UNIT),
                List.of(anc.toEvidence()));
    }

    /** {@code provisional, day 12 of 30} while the window's last day has not been reached. */
    private static String progress(int today, int lastDay) {
        return today < lastDay
                ? "provisional, day %d of %d".formatted(today, lastDay)
                : "window complete at day %d".formatted(lastDay);
    }

    private static String cells(DailyAnc series, int day) {
        return Objects.requireNonNull(series.cellsPerMicrolitre(day))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String dayRange(int first, int last) {
        return first == last ? String.valueOf(first) : first + "-" + last;
    }

    /** Ascending days as ranges, e.g. {@code 3, 7-8}. */
    static String describeDays(List<Integer> days) {
        var ranges = new ArrayList<String>();
        int index = 0;
        while (index < days.size()) {
            int first = days.get(index);
            int last = first;
            while (index + 1 < days.size() && days.get(index + 1) == last + 1) {
                last = days.get(++index);
            }
            ranges.add(dayRange(first, last));
            index++;
        }
        return String.join(", ", ranges);
    }

    /** A row of the late ICAHT table: the grade and its inclusive ANC threshold in cells/uL. */
    private record LateGrade(int grade, BigDecimal threshold) {

        String condition() {
            return "ANC <= %s cells/uL on at least two different days".formatted(threshold);
        }
    }
}
