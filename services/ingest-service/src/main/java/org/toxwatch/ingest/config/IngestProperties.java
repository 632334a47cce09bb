package org.toxwatch.ingest.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest settings.
 *
 * @param allowedClockSkew how far in the future a clinical time may lie before it is rejected
 * @param kafkaAckTimeout how long a sender waits for Kafka before it is told to retry (503)
 * @param topicPartitions partitions of the topics ingest creates
 */
@ConfigurationProperties("toxwatch.ingest")
public record IngestProperties(
        @Nullable Duration allowedClockSkew,
        @Nullable Duration kafkaAckTimeout,
        @Nullable Integer topicPartitions) {

    public IngestProperties {
        allowedClockSkew = allowedClockSkew == null ? Duration.ofMinutes(5) : allowedClockSkew;
        kafkaAckTimeout = kafkaAckTimeout == null ? Duration.ofSeconds(10) : kafkaAckTimeout;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
    }
}
