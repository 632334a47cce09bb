package org.toxwatch.monitoring.domain.hematotoxicity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * CRITERIA.md 1.5: "day N" after a CAR-T infusion counts calendar dates in the treating hospital's time zone;
 * the calendar date of the infusion is day 0 and earlier dates are negative.
 */
record DaysAfterInfusion(LocalDate infusionDate, ZoneId hospitalZone) {

    static DaysAfterInfusion of(Instant infusedAt, ZoneId hospitalZone) {
        return new DaysAfterInfusion(LocalDate.ofInstant(infusedAt, hospitalZone), hospitalZone);
    }

    int dayOf(Instant instant) {
        return Math.toIntExact(ChronoUnit.DAYS.between(infusionDate, LocalDate.ofInstant(instant, hospitalZone)));
    }
}
