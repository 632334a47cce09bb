package org.toxwatch.ingest.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.ingest.adapter.hl7.Hl7PatientIdentity;

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
 * @param hl7 how HL7 v2 content is read
 */
@ConfigurationProperties("toxwatch.ingest")
public record IngestProperties(
        @Nullable Duration allowedClockSkew,
        @Nullable Duration kafkaAckTimeout,
        @Nullable Integer topicPartitions,
        @Nullable Map<String, Map<String, String>> localCodes,
        @Nullable Archive archive,
        @Nullable Set<String> ignoreUnknownCodesFrom,
        @Nullable Integer maxBodyBytes,
        @Nullable Hl7 hl7) {

    public IngestProperties {
        allowedClockSkew = allowedClockSkew == null ? Duration.ofMinutes(5) : allowedClockSkew;
        kafkaAckTimeout = kafkaAckTimeout == null ? Duration.ofSeconds(10) : kafkaAckTimeout;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        localCodes = localCodes == null ? Map.of() : Map.copyOf(localCodes);
        archive = archive == null ? new Archive(null, null) : archive;
        ignoreUnknownCodesFrom = ignoreUnknownCodesFrom == null ? Set.of() : Set.copyOf(ignoreUnknownCodesFrom);
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        hl7 = hl7 == null ? new Hl7(null) : hl7;
    }

    /**
     * @param patientIdentity {@code id} (default): PID-3's identifier alone names the patient, as the FHIR and JSON
     *     entry points name them by MRN; {@code id-and-authority}: identifier and assigning authority (PID-3.4),
     *     {@code 0012345@ST-ELSEWHERE}, for feeds from several facilities whose numbers may collide
     */
    public record Hl7(@Nullable Hl7PatientIdentity patientIdentity) {
        public Hl7 {
            patientIdentity = patientIdentity == null ? Hl7PatientIdentity.ID : patientIdentity;
        }
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
