package org.toxwatch.alerting.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A time axis in the hospital's zone: ticks on whole hours or midnights a ward uses (every 1, 2, 3, 6 or 12 hours,
 * or every 1, 2, 7 or 14 days), labelled {@code 06:00} with the date under the first tick of each day, or
 * {@code 5 Dec} on a scale of days. Times are the hospital's wall clock, whatever zone the reader's device is in.
 *
 * @param ticks inside [from, to], oldest first
 */
public record TimeScale(Instant from, Instant to, String zone, List<Tick> ticks) {

    /**
     * @param label the time of day ({@code 06:00}) or, on a scale of days, the date ({@code 5 Dec})
     * @param date the date ({@code Sat 5 Dec}) under the first tick of each day on a scale of hours, else absent
     * @param therapyDay the calendar day since day 0 ({@code day +5}) where a date is shown, see {@link #countingFrom}
     */
    public record Tick(
            Instant at,
            String label,
            @Nullable String date,
            @Nullable String therapyDay) {

        public Tick(Instant at, String label, @Nullable String date) {
            this(at, label, date, null);
        }
    }

    private static final List<Integer> HOURS = List.of(1, 2, 3, 6, 12);
    private static final List<Integer> DAYS = List.of(1, 2, 7, 14, 28, 56);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public TimeScale {
        ticks = List.copyOf(ticks);
    }

    /** The axis from {@code from} to {@code to} with at most {@code maxTicks} ticks (at least 2). */
    public static TimeScale of(Instant from, Instant to, ZoneId zone, int maxTicks) {
        if (maxTicks < 2) {
            throw new IllegalArgumentException("at least 2 ticks");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        Duration span = Duration.between(from, to);
        for (int hours : HOURS) {
            if (span.toMinutes() <= (long) hours * 60 * (maxTicks - 1)) {
                return new TimeScale(from, to, zone.getId(), hourTicks(from, to, zone, hours));
            }
        }
        for (int days : DAYS) {
            if (span.toHours() <= (long) days * 24 * (maxTicks - 1)) {
                return new TimeScale(from, to, zone.getId(), dayTicks(from, to, zone, days));
            }
        }
        int days = (int) (span.toHours() / (24L * (maxTicks - 1))) + 1;
        return new TimeScale(from, to, zone.getId(), dayTicks(from, to, zone, days));
    }

    /**
     * The same axis with each date also told as the calendar day in the hospital's zone since {@code dayZero}
     * ({@code day -1}, {@code day 0}, {@code day +14}), as CAR-T days are counted from the infusion (CRITERIA.md 10).
     */
    public TimeScale countingFrom(Instant dayZero) {
        var zoneId = ZoneId.of(zone);
        LocalDate zeroDay = dayZero.atZone(zoneId).toLocalDate();
        var counted = ticks.stream()
                .map(tick -> {
                    if (tick.date() == null && tick.label().contains(":")) {
                        return tick;
                    }
                    long day = ChronoUnit.DAYS.between(
                            zeroDay, tick.at().atZone(zoneId).toLocalDate());
                    return new Tick(tick.at(), tick.label(), tick.date(), "day " + (day > 0 ? "+" : "") + day);
                })
                .toList();
        return new TimeScale(from, to, zone, counted);
    }

    private static List<Tick> hourTicks(Instant from, Instant to, ZoneId zone, int hours) {
        var ticks = new ArrayList<Tick>();
        LocalDate previousDay = null;
        LocalDateTime local = from.atZone(zone).toLocalDate().atStartOfDay();
        for (; !local.atZone(zone).toInstant().isAfter(to); local = local.plusHours(hours)) {
            Instant at = local.atZone(zone).toInstant();
            if (at.isBefore(from)) {
                continue;
            }
            // A wall-clock time a daylight-saving change skips lands an hour later: label what the clock shows.
            var shown = at.atZone(zone);
            LocalDate day = shown.toLocalDate();
            ticks.add(new Tick(at, CLOCK.format(shown), day.equals(previousDay) ? null : DAY.format(shown)));
            previousDay = day;
        }
        return ticks;
    }

    private static List<Tick> dayTicks(Instant from, Instant to, ZoneId zone, int days) {
        var ticks = new ArrayList<Tick>();
        LocalDate day = from.atZone(zone).toLocalDate();
        if (day.atStartOfDay(zone).toInstant().isBefore(from)) {
            day = day.plusDays(1);
        }
        for (; !day.atStartOfDay(zone).toInstant().isAfter(to); day = day.plusDays(days)) {
            ticks.add(new Tick(day.atStartOfDay(zone).toInstant(), DATE.format(day), null));
        }
        return ticks;
    }
}
