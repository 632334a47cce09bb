package org.toxwatch.monitoring.domain.lab;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.units.Analyte;

/** Baselines and companion results read from the patient's state. */
record StateLabHistory(PatientState patient, GradingContext context) implements LabHistory {

    @Override
    public @Nullable LabResult baseline(Analyte analyte, Instant collectedAt) {
        var episode = patient.episodeAt(collectedAt);
        return episode == null ? null : patient.baseline(analyte, episode);
    }

    @Override
    public @Nullable LabResult nearest(Analyte analyte, Instant at, Duration within) {
        LabResult nearest = null;
        Duration nearestDistance = null;
        for (var result : context.readable(analyte)) {
            var distance = Duration.between(result.observedAt(), at).abs();
            if (distance.compareTo(within) <= 0
                    && (nearestDistance == null || distance.compareTo(nearestDistance) < 0)) {
                nearest = result;
                nearestDistance = distance;
            }
        }
        return nearest;
    }
}
