package org.toxwatch.ingest.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message ingest could not accept, bound for the dead letters of its kind of input; the Kafka adapter names the
 * topic and writes it as the contract's {@code RejectedInput}.
 */
public record RejectedSubmission(
        InputKind kind,
        UUID eventId,
        Instant receivedAt,
        String protocol,
        String sourceSystem,
        @Nullable String sourceMessageId,
        List<String> reasons,
        String rawPayload) {

    public RejectedSubmission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(rawPayload, "rawPayload");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection must give at least one reason");
        }
    }
}
