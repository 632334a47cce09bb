package org.toxwatch.monitoring.domain.liversignals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.liversignals.VodSosRule.Met;

/**
 * EBMT 2018's "on 3 consecutive days" (CRITERIA.md 7.2), as ToxWatch reads it where the table is silent:
 *
 * <ul>
 *   <li>Each calendar day in the hospital's zone (1.5) counts with its newest value.
 *   <li>The three days are the latest three: the day of the newest value and the two before it. A rise on three
 *       days long past, followed by a fall, is not a current rise.
 *   <li>"Rising on 3 consecutive days" means three rises in a row: each of the three days is higher than the value
 *       before it. For the bilirubin ("rising from baseline") the value before the first day is the 1.4 baseline;
 *       without one it is the value of the day before the three days. For the weight ("weight gain on 3
 *       consecutive days") it is always the weight of the day before, so four daily weights are needed.
 *   <li>A missing day leaves the criterion unknown, unless a fall or standstill among the values present already
 *       rules it out.
 * </ul>
 *
 * @param met whether the three rises are seen
 * @param used the values compared, the baseline first
 * @param chain the compared values as the assessment shows them, e.g. {@code baseline 0.4, 2026-03-10 0.6, ...}
 */
record ConsecutiveDays(Met met, List<Observation> used, String chain) {

    static final int DAYS = 3;

    /** Bilirubin rising from {@code baseline} on the latest three days of {@code results}. */
    static ConsecutiveDays risingFrom(@Nullable Observation baseline, List<Observation> results, ZoneId zone) {
        var afterBaseline = baseline == null
                ? results
                : results.stream()
                        .filter(o -> o.observedAt().isAfter(baseline.observedAt()))
                        .toList();
        var daily = daily(afterBaseline, zone);
        if (daily.isEmpty()) {
            return new ConsecutiveDays(Met.UNKNOWN, List.of(), "no result after the baseline");
        }
        var start = baseline != null ? baseline : daily.get(daily.lastKey().minusDays(DAYS));
        var startLabel = baseline != null ? "baseline" : daily.lastKey().minusDays(DAYS) + "";
        return compare(start, startLabel, daily);
    }

    /** A gain on each of the latest three days of {@code values} over the day before. */
    static ConsecutiveDays rising(List<Observation> values, ZoneId zone) {
        var daily = daily(values, zone);
        if (daily.isEmpty()) {
            return new ConsecutiveDays(Met.UNKNOWN, List.of(), "no value");
        }
        var before = daily.lastKey().minusDays(DAYS);
        return compare(daily.get(before), before.toString(), daily);
    }

    String describe(String unit) {
        return met.display() + " (" + chain + (used.isEmpty() ? "" : " " + unit) + ")";
    }

    private static ConsecutiveDays compare(
            @Nullable Observation start, String startLabel, TreeMap<LocalDate, Observation> daily) {
        var last = daily.lastKey();
        var chain = new ArrayList<@Nullable Observation>();
        var labels = new ArrayList<String>();
        chain.add(start);
        labels.add(startLabel);
        for (int back = DAYS - 1; back >= 0; back--) {
            var day = last.minusDays(back);
            chain.add(daily.get(day));
            labels.add(day.toString());
        }
        var complete = true;
        var fell = false;
        for (int i = 1; i < chain.size(); i++) {
            var before = chain.get(i - 1);
            var after = chain.get(i);
            if (before == null || after == null) {
                complete = false;
            } else if (after.value().compareTo(before.value()) <= 0) {
                fell = true;
            }
        }
        var met = fell ? Met.NO : complete ? Met.YES : Met.UNKNOWN;
        var shown = new ArrayList<String>();
        for (int i = 0; i < chain.size(); i++) {
            var value = chain.get(i);
            shown.add(labels.get(i) + " "
                    + (value == null ? "none" : value.value().toPlainString()));
        }
        var used = chain.stream().filter(Objects::nonNull).toList();
        return new ConsecutiveDays(met, used, String.join(", ", shown));
    }

    /** The newest value of each calendar day. */
    private static TreeMap<LocalDate, Observation> daily(List<Observation> values, ZoneId zone) {
        var daily = new TreeMap<LocalDate, Observation>();
        values.stream()
                .sorted(Comparator.comparing(Observation::observedAt))
                .forEach(o -> daily.put(LocalDate.ofInstant(o.observedAt(), zone), o));
        return daily;
    }
}
