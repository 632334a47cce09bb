package org.toxwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An inbound message ingest could not accept, with the raw payload so nothing is lost and an operator can
 * replay it after a fix. Published to the dead-letter topic of the topic it was heading for.
 *
 * @param protocol {@code HL7V2}, {@code FHIR} or {@code JSON}
 * @param reasons every specific reason, e.g. {@code unit 'mg' is not a unit of ANC (OBX^6^3)}
 */
public record RejectedInput(
        UUID eventId,
        Instant receivedAt,
        String protocol,
        String sourceSystem,
        @Nullable String sourceMessageId,
        String targetTopic,
        List<String> reasons,
        String rawPayload) {

    public RejectedInput {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(targetTopic, "targetTopic");
        Objects.requireNonNull(rawPayload, "rawPayload");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection must give at least one reason");
        }
    }
}
