package org.toxwatch.monitoring.domain.hematotoxicity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.Observation;

/**
 * The lowest ANC of each calendar day of a window after a CAR-T infusion (CRITERIA.md 6.1 "Daily series"), in
 * cells/uL. Only observations collected at or before the assessment time are known; a day of the window
 * without one is unknown.
 *
 * @param firstDay first day of the window
 * @param lastDay last day of the window that exists at the assessment time
 * @param lowestByDay the lowest ANC observation of each day that has one
 */
record DailyAnc(int firstDay, int lastDay, SortedMap<Integer, Observation> lowestByDay) {

    /** The canonical unit of an ANC {@link Observation} (CRITERIA.md 13.3). */
    static final String CANONICAL_UNIT = "10*9/L";

    private static final BigDecimal CELLS_PER_MICROLITRE_PER_10E9_PER_LITRE = BigDecimal.valueOf(1000);

    DailyAnc {
        lowestByDay = Collections.unmodifiableSortedMap(new TreeMap<>(lowestByDay));
    }

    /** The observations of {@code ancs} collected on days {@code firstDay..lastDay} and at or before {@code at}. */
    static List<Observation> within(
            List<Observation> ancs, DaysAfterInfusion days, int firstDay, int lastDay, Instant at) {
        return ancs.stream()
                .filter(anc -> !anc.observedAt().isAfter(at))
                .filter(anc -> days.dayOf(anc.observedAt()) >= firstDay && days.dayOf(anc.observedAt()) <= lastDay)
                .toList();
    }

    /** The first of {@code ancs} not in the canonical unit, which cannot be compared with the thresholds. */
    static Optional<Observation> firstNotCanonical(List<Observation> ancs) {
        return ancs.stream().filter(anc -> !CANONICAL_UNIT.equals(anc.unit())).findFirst();
    }

    /** The daily series of {@code ancs}, all on days {@code firstDay..lastDay} and in the canonical unit. */
    static DailyAnc of(List<Observation> ancs, DaysAfterInfusion days, int firstDay, int lastDay) {
        var lowest = new TreeMap<Integer, Observation>();
        var lowestFirst = Comparator.comparing(Observation::value).thenComparing(Observation::observedAt);
        for (var anc : ancs) {
            lowest.merge(days.dayOf(anc.observedAt()), anc, (a, b) -> lowestFirst.compare(a, b) <= 0 ? a : b);
        }
        return new DailyAnc(firstDay, lastDay, lowest);
    }

    static BigDecimal cellsPerMicrolitre(Observation anc) {
        return anc.value().multiply(CELLS_PER_MICROLITRE_PER_10E9_PER_LITRE);
    }

    boolean isEmpty() {
        return lowestByDay.isEmpty();
    }

    int length() {
        return lastDay - firstDay + 1;
    }

    /** The day's lowest ANC in cells/uL, absent when the day has no value. */
    @Nullable
    BigDecimal cellsPerMicrolitre(int day) {
        var anc = lowestByDay.get(day);
        return anc == null ? null : cellsPerMicrolitre(anc);
    }

    /** Days of the window with an ANC at or below {@code thresholdCellsPerMicrolitre}, in day order. */
    List<Integer> daysAtOrBelow(BigDecimal thresholdCellsPerMicrolitre) {
        var days = new ArrayList<Integer>();
        for (int day = firstDay; day <= lastDay; day++) {
            var value = cellsPerMicrolitre(day);
            if (value != null && value.compareTo(thresholdCellsPerMicrolitre) <= 0) {
                days.add(day);
            }
        }
        return days;
    }

    /** Days of the window without an ANC value, in day order. */
    List<Integer> unknownDays() {
        var days = new ArrayList<Integer>();
        for (int day = firstDay; day <= lastDay; day++) {
            if (!lowestByDay.containsKey(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The day with the lowest ANC of the window (the earliest such day on a tie). */
    int nadirDay() {
        var nadir = lowestByDay.entrySet().iterator().next();
        for (var day : lowestByDay.entrySet()) {
            if (day.getValue().value().compareTo(nadir.getValue().value()) < 0) {
                nadir = day;
            }
        }
        return nadir.getKey();
    }

    /** The daily lowest values, in day order: the observations the grade was computed from. */
    List<Evidence> evidence() {
        return lowestByDay.values().stream().map(Observation::toEvidence).toList();
    }
}
