package org.toxwatch.monitoring.domain.febrileneutropenia;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.toxwatch.monitoring.domain.Observation;

/**
 * A fever event of CTCAE v5.0 febrile neutropenia (CRITERIA.md 3, item 2): one reading above 38.3 C, or a
 * run of readings at or above 38.0 C lasting more than one hour.
 *
 * @param readings the temperature readings of the event in time order; the event interval runs from the
 *     first to the last
 */
record FeverEvent(Kind kind, List<Observation> readings) {

    static final BigDecimal SINGLE_READING_ABOVE_CELSIUS = new BigDecimal("38.3");
    static final BigDecimal SUSTAINED_AT_LEAST_CELSIUS = new BigDecimal("38.0");
    static final Duration SUSTAINED_LONGER_THAN = Duration.ofMinutes(60);

    enum Kind {
        SINGLE,
        SUSTAINED
    }

    FeverEvent {
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a fever event needs at least one reading");
        }
    }

    Instant start() {
        return readings.getFirst().observedAt();
    }

    Instant end() {
        return readings.getLast().observedAt();
    }

    Observation hottest() {
        return readings.stream().max(Comparator.comparing(Observation::value)).orElseThrow();
    }

    /**
     * Every fever event in a patient's temperature stream, ordered by start. A single reading above 38.3 C
     * is an event of its own even when it also belongs to a sustained run; a sustained event is a maximal
     * run of consecutive readings, each at least 38.0 C, whose first and last times are more than 60
     * minutes apart (strict, ambiguity A-4).
     *
     * @param timeOrderedCelsius temperatures in Cel, ordered by observation time
     */
    static List<FeverEvent> in(List<Observation> timeOrderedCelsius) {
        var events = new ArrayList<FeverEvent>();
        var run = new ArrayList<Observation>();
        for (var reading : timeOrderedCelsius) {
            if (reading.value().compareTo(SINGLE_READING_ABOVE_CELSIUS) > 0) {
                events.add(new FeverEvent(Kind.SINGLE, List.of(reading)));
            }
            if (reading.value().compareTo(SUSTAINED_AT_LEAST_CELSIUS) >= 0) {
                run.add(reading);
            } else {
                addIfSustained(run, events);
                run.clear();
            }
        }
        addIfSustained(run, events);
        events.sort(Comparator.comparing(FeverEvent::start).thenComparing(FeverEvent::end));
        return List.copyOf(events);
    }

    private static void addIfSustained(List<Observation> run, List<FeverEvent> events) {
        if (run.size() < 2) {
            return;
        }
        var span = Duration.between(run.getFirst().observedAt(), run.getLast().observedAt());
        if (span.compareTo(SUSTAINED_LONGER_THAN) > 0) {
            events.add(new FeverEvent(Kind.SUSTAINED, run));
        }
    }
}
