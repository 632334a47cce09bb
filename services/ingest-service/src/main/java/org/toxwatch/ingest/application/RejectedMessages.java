package org.toxwatch.ingest.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: the rejected inbound messages an operator reviews and replays, newest first. */
public interface RejectedMessages {

    /**
     * @param id the archive id, stable across replays
     * @param targetTopic where the message's events would have gone, as the archive records it (shown to operators)
     * @param kind the kind of input it is (tells a replay how to read it again)
     */
    record RejectedMessage(
            String id,
            String protocol,
            String sourceSystem,
            @Nullable String messageId,
            String targetTopic,
            InputKind kind,
            Instant receivedAt,
            List<String> reasons,
            String rawPayload,
            @Nullable String lastReplayOutcome) {}

    List<RejectedMessage> latest(int limit);

    Optional<RejectedMessage> find(String id);

    void replayed(String id, String outcome, Instant at);
}
