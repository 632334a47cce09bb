package org.toxwatch.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The therapy episode an assessment falls in.
 *
 * @param dayOfTherapy calendar day since T0 in the hospital's time zone (T0 is day 0)
 * @param daySinceInfusion calendar day since CAR-T infusion (infusion day is day 0), CAR-T only
 * @param highIntensityMonitoring the assessment falls in a window of closer supervision: the BLINCYTO
 *     hospitalization or supervision windows (CRITERIA.md 9.2) or an intensive CAR-T monitoring window (10); absent
 *     when monitoring did not say (assessments published before it did)
 * @param monitoringWindows the monitoring windows open at the assessment time, each described with its days and
 *     its source, e.g. {@code CAR-T intensive monitoring, day 0-14 (ToxWatch default)}; absent as above
 */
public record TherapyContext(
        Therapy therapy,
        Instant startedAt,
        @Nullable Integer dayOfTherapy,
        @Nullable Integer daySinceInfusion,
        @Nullable Boolean highIntensityMonitoring,
        @Nullable List<String> monitoringWindows) {

    public TherapyContext {
        monitoringWindows = monitoringWindows == null ? null : List.copyOf(monitoringWindows);
    }

    /** A context without monitoring windows, as published before they existed. */
    public TherapyContext(
            Therapy therapy, Instant startedAt, @Nullable Integer dayOfTherapy, @Nullable Integer daySinceInfusion) {
        this(therapy, startedAt, dayOfTherapy, daySinceInfusion, null, null);
    }
}
