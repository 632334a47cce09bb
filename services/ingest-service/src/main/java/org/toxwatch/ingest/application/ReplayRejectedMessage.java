package org.toxwatch.ingest.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.toxwatch.ingest.application.RejectedMessages.RejectedMessage;

/**
 * Use case: an operator fixed what made a message fail (a local-code mapping, a sender's configuration) and
 * runs the archived message again through its own protocol's entry point, exactly as if the sender had
 * resent it. The replay's outcome is recorded on the archived message.
 */
public final class ReplayRejectedMessage {

    /** One protocol's entry point, able to take an archived message again. */
    public interface ProtocolReplay {
        String protocol();

        /** Processes the raw message as its sender's; returns the outcome in words, e.g. {@code accepted: 5 events}. */
        Result replay(RejectedMessage message);
    }

    public record Result(boolean accepted, String outcome) {}

    private final RejectedMessages rejectedMessages;
    private final Map<String, ProtocolReplay> replaysByProtocol;
    private final Clock clock;

    public ReplayRejectedMessage(RejectedMessages rejectedMessages, List<ProtocolReplay> replays, Clock clock) {
        this.rejectedMessages = rejectedMessages;
        this.replaysByProtocol =
                replays.stream().collect(Collectors.toUnmodifiableMap(ProtocolReplay::protocol, Function.identity()));
        this.clock = clock;
    }

    /** Empty when no rejected message has that id. */
    public Optional<Result> replay(String id) {
        return rejectedMessages.find(id).map(message -> {
            ProtocolReplay replay = replaysByProtocol.get(message.protocol());
            if (replay == null) {
                return new Result(false, "no replay for protocol " + message.protocol());
            }
            Result result = replay.replay(message);
            rejectedMessages.replayed(id, result.outcome(), clock.instant());
            return result;
        });
    }
}
