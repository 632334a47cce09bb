package org.toxwatch.monitoring.config;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Monitoring settings.
 *
 * @param hospitalZone the treating hospital's time zone: day numbering after T0 and infusion is by its
 *     calendar (CRITERIA.md 1.5)
 * @param topicPartitions partitions of the topics monitoring creates
 */
@ConfigurationProperties("toxwatch.monitoring")
public record MonitoringProperties(
        @Nullable ZoneId hospitalZone, @Nullable Integer topicPartitions) {

    public MonitoringProperties {
        hospitalZone = hospitalZone == null ? ZoneId.of("UTC") : hospitalZone;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
    }
}
