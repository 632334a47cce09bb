package org.toxwatch.monitoring.domain.febrileneutropenia;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.toxwatch.monitoring.domain.Observation;

/** Test readings on a minute scale around a fixed clinical time. */
final class FeverAndAncReadings {

    static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    private FeverAndAncReadings() {}

    static Instant minute(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    static Observation aTemperature(String celsius, long atMinute) {
        return new Observation(
                UUID.randomUUID(),
                "8310-5",
                "Body temperature",
                new BigDecimal(celsius),
                "Cel",
                new BigDecimal(celsius),
                "Cel",
                null,
                minute(atMinute),
                "msg-" + UUID.randomUUID());
    }

    static Observation anAnc(String countPer10e9L, long atMinute) {
        return new Observation(
                UUID.randomUUID(),
                "751-8",
                "Neutrophils [#/volume] in Blood",
                new BigDecimal(countPer10e9L),
                "10*9/L",
                new BigDecimal(countPer10e9L),
                "10*9/L",
                null,
                minute(atMinute),
                "msg-" + UUID.randomUUID());
    }

    /** {@code "0:38.0 70:38.1"}: readings at minute 0 and 70. */
    static List<Observation> temperatures(String minuteColonCelsius) {
        return parse(minuteColonCelsius, true);
    }

    /** {@code "-120:0.5 120:1.2"}: ANCs two hours before and after minute 0. */
    static List<Observation> ancs(String minuteColonCount) {
        return parse(minuteColonCount, false);
    }

    private static List<Observation> parse(String readings, boolean temperature) {
        if (readings.isBlank()) {
            return List.of();
        }
        return Arrays.stream(readings.trim().split("\\s+"))
                .map(reading -> reading.split(":"))
                .map(parts -> temperature
                        ? aTemperature(parts[1], Long.parseLong(parts[0]))
                        : anAnc(parts[1], Long.parseLong(parts[0])))
                .toList();
    }
}
