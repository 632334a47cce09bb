package org.toxwatch.monitoring.domain.liversignals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Observation;

/**
 * What the VOD/SOS criteria (CRITERIA.md 7.2) read of a patient's course, any order.
 *
 * @param bilirubin total bilirubin results in mg/dL
 * @param baselineBilirubin the bilirubin baseline of 1.4 (the newest valid result at or before T0, at most 30 days
 *     before); absent when missing. The EBMT 2018 "rising from baseline" criterion starts from it.
 * @param weights body weights (LOINC 29463-7) in kg
 * @param referenceWeight weight on day 0 of HSCT (or before the first inotuzumab dose); absent if not recorded
 * @param dayZero day 0: HSCT day 0, or the last inotuzumab dose without HSCT; its calendar day in
 *     {@code hospitalZone} is day 0 (1.5)
 * @param hospitalZone the zone of the calendar days (day N, "3 consecutive days")
 */
public record VodSosCourse(
        List<Observation> bilirubin,
        @Nullable Observation baselineBilirubin,
        List<Observation> weights,
        @Nullable Observation referenceWeight,
        Instant dayZero,
        ZoneId hospitalZone) {

    public VodSosCourse {
        bilirubin = List.copyOf(bilirubin);
        weights = List.copyOf(weights);
        Objects.requireNonNull(dayZero, "dayZero");
        Objects.requireNonNull(hospitalZone, "hospitalZone");
    }
}
