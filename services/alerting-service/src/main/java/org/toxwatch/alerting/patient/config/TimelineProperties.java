package org.toxwatch.alerting.patient.config;

import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The patient timeline's settings.
 *
 * @param hospitalTimeZone the zone the console's times and the chart's day ticks are in (TOXWATCH_HOSPITAL_ZONE, as
 *     for ingest and monitoring), whatever zone the reader's device is set to
 * @param observationsPerPatient the most observations (and, separately, therapy events) kept per patient, the newest
 * @param observationRetention how far before a patient's newest observation the log keeps older ones
 */
@ConfigurationProperties("toxwatch.alerting.timeline")
public record TimelineProperties(
        @Nullable ZoneId hospitalTimeZone,
        @Nullable Integer observationsPerPatient,
        @Nullable Duration observationRetention) {

    public TimelineProperties {
        hospitalTimeZone = hospitalTimeZone == null ? ZoneId.of("UTC") : hospitalTimeZone;
        observationsPerPatient = observationsPerPatient == null ? 5_000 : observationsPerPatient;
        observationRetention = observationRetention == null ? Duration.ofDays(365) : observationRetention;
        if (observationsPerPatient < 1) {
            throw new IllegalArgumentException(
                    "toxwatch.alerting.timeline.observations-per-patient must be at least 1");
        }
    }
}
