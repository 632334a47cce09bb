package org.toxwatch.ingest.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest settings.
 *
 * @param allowedClockSkew how far in the future a clinical time may lie before it is rejected
 * @param kafkaAckTimeout how long a sender waits for Kafka before it is told to retry (503, AR)
 * @param topicPartitions partitions of the topics ingest creates
 * @param localCodes per sender (HL7 MSH-3, FHIR or JSON integration user): local test code to LOINC
 * @param archive how long inbound messages are kept, and when an unfinished claim is taken over
 * @param ignoreUnknownCodesFrom senders whose results with unmonitored codes are skipped, not rejected
 * @param maxBodyBytes larger JSON and FHIR bodies are refused with 413 and only their head is kept (default 1 MiB,
 *     as HL7's {@code mllp.max-message-bytes}); read by the controllers
 */
@ConfigurationProperties("toxwatch.ingest")
public record IngestProperties(
        @Nullable Duration allowedClockSkew,
        @Nullable Duration kafkaAckTimeout,
        @Nullable Integer topicPartitions,
        @Nullable Map<String, Map<String, String>> localCodes,
        @Nullable Archive archive,
        @Nullable Set<String> ignoreUnknownCodesFrom,
        @Nullable Integer maxBodyBytes) {

    public IngestProperties {
        allowedClockSkew = allowedClockSkew == null ? Duration.ofMinutes(5) : allowedClockSkew;
        kafkaAckTimeout = kafkaAckTimeout == null ? Duration.ofSeconds(10) : kafkaAckTimeout;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        localCodes = localCodes == null ? Map.of() : Map.copyOf(localCodes);
        archive = archive == null ? new Archive(null, null) : archive;
        ignoreUnknownCodesFrom = ignoreUnknownCodesFrom == null ? Set.of() : Set.copyOf(ignoreUnknownCodesFrom);
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
    }

    /**
     * @param retention inbound messages older than this are deleted by the application (default 90 days)
     * @param claimExpiry an unfinished claim older than this is taken over by a resend (default 1 minute)
     */
    public record Archive(
            @Nullable Duration retention, @Nullable Duration claimExpiry) {
        public Archive {
            retention = retention == null ? Duration.ofDays(90) : retention;
            claimExpiry = claimExpiry == null ? Duration.ofMinutes(1) : claimExpiry;
        }
    }
}
