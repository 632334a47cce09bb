package org.toxwatch.monitoring.domain.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * How far back criteria read one of their inputs, and from where. The patient state keeps an input while a lookback
 * still reaches it, so a published grade can be recomputed from what is kept however much later the newest event
 * is (retention never changes a grade). {@link Lookbacks#TABLE} lists them all.
 *
 * @param criteria the criteria that read the input this way
 * @param input what is read
 * @param analytes for laboratory results, the analytes read; empty means every analyte
 * @param anchor the time the window is measured from, one window per anchor time
 * @param before how far before the anchor the window opens
 * @param after how far after the anchor it closes; zero reads only at or before the anchor
 * @param calendarDays the rule counts calendar days in the hospital's zone (CRITERIA.md 1.5), so the window is
 *     widened by {@link #CALENDAR_DAY_MARGIN} either side, which covers any zone
 * @param kept the newest this many per analyte in one window are kept
 */
public record Lookback(
        Set<Criterion> criteria,
        Input input,
        Set<Analyte> analytes,
        Anchor anchor,
        Duration before,
        Duration after,
        boolean calendarDays,
        int kept) {

    /** A calendar day in any zone lies within a day of the instant range its UTC reading gives. */
    public static final Duration CALENDAR_DAY_MARGIN = Duration.ofDays(1);

    /** For a rule that reads "the newest at or before" an anchor, however old: only {@code kept} limits it. */
    public static final Duration NO_LIMIT = Duration.ofDays(36_525);

    public Lookback {
        criteria = Set.copyOf(criteria);
        analytes = Set.copyOf(analytes);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(anchor, "anchor");
        if (before.isNegative() || after.isNegative() || kept < 1) {
            throw new IllegalArgumentException("a lookback reaches back and forward by non-negative durations");
        }
    }

    /** What a criterion reads. */
    public enum Input {
        LAB_RESULTS,
        WEIGHTS
    }

    /** Where a window is measured from. */
    public enum Anchor {
        /** The patient's newest clinical time: a rolling window. */
        NEWEST_EVENT,
        /** The T0 of every therapy episode (CRITERIA.md 1.4). */
        THERAPY_START,
        /** Every CAR-T infusion (day 0 of CRITERIA.md 6.1 and 10). */
        CAR_T_INFUSION,
        /** Every inotuzumab dose given (CRITERIA.md 7.2, 8.1, 8.2). */
        INOTUZUMAB_DOSE
    }

    /** Whether this lookback reads {@code analyte}. */
    public boolean reads(Analyte analyte) {
        return analytes.isEmpty() || analytes.contains(analyte);
    }

    /** Whether {@code at} lies in the window of the anchor time {@code anchorTime}. */
    public boolean reaches(Instant anchorTime, Instant at) {
        var margin = calendarDays ? CALENDAR_DAY_MARGIN : Duration.ZERO;
        return !at.isBefore(anchorTime.minus(before).minus(margin))
                && !at.isAfter(anchorTime.plus(after).plus(margin));
    }
}
