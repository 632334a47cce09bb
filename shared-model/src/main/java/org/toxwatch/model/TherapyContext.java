package org.toxwatch.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The therapy episode an assessment falls in.
 *
 * @param dayOfTherapy calendar day since T0 in the hospital's time zone (T0 is day 0)
 * @param daySinceInfusion calendar day since CAR-T infusion (infusion day is day 0), CAR-T only
 */
public record TherapyContext(
        Therapy therapy,
        Instant startedAt,
        @Nullable Integer dayOfTherapy,
        @Nullable Integer daySinceInfusion) {}
