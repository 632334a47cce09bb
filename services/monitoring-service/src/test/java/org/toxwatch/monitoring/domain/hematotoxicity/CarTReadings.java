package org.toxwatch.monitoring.domain.hematotoxicity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.toxwatch.monitoring.domain.Observation;

/** Test readings for a CAR-T patient infused on 2026-03-02 at 10:00 in a Berlin hospital. */
final class CarTReadings {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate INFUSION_DATE = LocalDate.of(2026, 3, 2);
    static final Instant INFUSED_AT = at(0, 10, 0);

    /** ANC of a day marked {@code #} in a {@link #dailyPattern}: at or below 100 cells/uL. */
    static final String AT_OR_BELOW_100 = "50";
    /** ANC of a day marked {@code x}: at or below 500 cells/uL, above 100. */
    static final String AT_OR_BELOW_500 = "300";
    /** ANC of a day marked {@code .}: above 500 cells/uL. */
    static final String ABOVE_500 = "2000";

    private CarTReadings() {}

    /** Local time in the hospital on day {@code day} after infusion. */
    static Instant at(int day, int hour, int minute) {
        return INFUSION_DATE.plusDays(day).atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    static Instant morningOf(int day) {
        return at(day, 8, 0);
    }

    static Instant eveningOf(int day) {
        return at(day, 20, 0);
    }

    /** An ANC as the laboratory reported it in cells/uL, canonical in 10*9/L (x 0.001, CRITERIA.md 13.3). */
    static Observation anAnc(String cellsPerMicrolitre, Instant at) {
        var reported = new BigDecimal(cellsPerMicrolitre);
        return new Observation(
                UUID.randomUUID(),
                "751-8",
                "Neutrophils [#/volume] in Blood by Automated count",
                reported.movePointLeft(3),
                "10*9/L",
                reported,
                "/uL",
                null,
                at,
                "msg-" + UUID.randomUUID());
    }

    /**
     * One morning ANC per day from day 0: {@code #} at or below 100 cells/uL, {@code x} at or below 500,
     * {@code .} above 500, {@code ?} no value; spaces are ignored (write a week per group).
     */
    static List<Observation> dailyPattern(String pattern) {
        var ancs = new ArrayList<Observation>();
        var days = pattern.replace(" ", "");
        for (int day = 0; day < days.length(); day++) {
            var value = switch (days.charAt(day)) {
                case '#' -> AT_OR_BELOW_100;
                case 'x' -> AT_OR_BELOW_500;
                case '.' -> ABOVE_500;
                case '?' -> null;
                default -> throw new IllegalArgumentException("unknown day mark in " + pattern);
            };
            if (value != null) {
                ancs.add(anAnc(value, morningOf(day)));
            }
        }
        return ancs;
    }

    /** {@code "35:1500 36:80"}: morning ANCs in cells/uL on days 35 and 36. */
    static List<Observation> ancsOnDays(String dayColonCells) {
        if (dayColonCells.isBlank()) {
            return List.of();
        }
        return Arrays.stream(dayColonCells.trim().split("\\s+"))
                .map(reading -> reading.split(":"))
                .map(parts -> anAnc(parts[1], morningOf(Integer.parseInt(parts[0]))))
                .toList();
    }

    static Observation aLab(String code, String display, String value, String unit) {
        return new Observation(
                UUID.randomUUID(),
                code,
                display,
                new BigDecimal(value),
                unit,
                new BigDecimal(value),
                unit,
                null,
                at(-5, 8, 0),
                "msg-" + UUID.randomUUID());
    }
}
