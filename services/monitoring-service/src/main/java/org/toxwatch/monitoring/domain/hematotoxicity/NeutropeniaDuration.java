package org.toxwatch.monitoring.domain.hematotoxicity;

import java.math.BigDecimal;

/**
 * Duration D(threshold) of CRITERIA.md 6.1: the cumulative number of days of the daily series counted as
 * below (lowest ANC at or below the threshold), where a run of 1 or 2 days that are above or unknown, preceded
 * and followed by a below day inside the window, is counted as below.
 *
 * <p>Rule 2 (non-stable recovery: 1-2 above days) and rule 4 (1-2 unknown days, or unknown and above days
 * together, 2 days at most) both bridge a run of at most two not-below days between two below days, so they
 * are applied as one rule. Recovery is stable from the third day (CIBMTR engraftment, as in the T-ICAHT
 * footnote and Liang's automated grading). A run that touches either end of the window has no below day on
 * that side and is never bridged; durations count separate episodes together (A-8 (a)).
 *
 * @param thresholdCellsPerMicrolitre inclusive threshold, e.g. 500
 * @param days D: days counted as below, bridged days included
 * @param bridgedDays how many of those were above or unknown and counted by bridging
 */
record NeutropeniaDuration(BigDecimal thresholdCellsPerMicrolitre, int days, int bridgedDays) {

    /** A run of at most this many not-below days between two below days is a non-stable recovery. */
    static final int LONGEST_BRIDGED_RUN = 2;

    static NeutropeniaDuration of(DailyAnc series, BigDecimal thresholdCellsPerMicrolitre) {
        var below = new boolean[series.length()];
        for (int day : series.daysAtOrBelow(thresholdCellsPerMicrolitre)) {
            below[day - series.firstDay()] = true;
        }
        int counted = 0;
        int bridged = 0;
        int index = 0;
        while (index < below.length) {
            if (below[index]) {
                counted++;
                index++;
                continue;
            }
            int runStart = index;
            while (index < below.length && !below[index]) {
                index++;
            }
            int runLength = index - runStart;
            boolean betweenBelowDays = runStart > 0 && index < below.length;
            if (betweenBelowDays && runLength <= LONGEST_BRIDGED_RUN) {
                counted += runLength;
                bridged += runLength;
            }
        }
        return new NeutropeniaDuration(thresholdCellsPerMicrolitre, counted, bridged);
    }
}
