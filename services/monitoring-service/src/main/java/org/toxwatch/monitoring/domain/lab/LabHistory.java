package org.toxwatch.monitoring.domain.lab;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.units.Analyte;

/** The rest of a patient's laboratory record that some rules need besides the result they grade. */
public interface LabHistory {

    /**
     * The baseline (CRITERIA.md 1.4) of the therapy episode a result collected at {@code collectedAt} falls
     * in; absent when there is no episode or no valid result in the 30 days up to T0.
     */
    @Nullable
    LabResult baseline(Analyte analyte, Instant collectedAt);

    /** The readable result of {@code analyte} collected closest to {@code at}, at most {@code within} away. */
    @Nullable
    LabResult nearest(Analyte analyte, Instant at, Duration within);

    /** No baselines and no other results. */
    static LabHistory none() {
        return new LabHistory() {
            @Override
            public @Nullable LabResult baseline(Analyte analyte, Instant collectedAt) {
                return null;
            }

            @Override
            public @Nullable LabResult nearest(Analyte analyte, Instant at, Duration within) {
                return null;
            }
        };
    }
}
