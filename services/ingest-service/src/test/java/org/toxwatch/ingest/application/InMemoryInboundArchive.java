package org.toxwatch.ingest.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inbound archive's contract kept in memory, for use-case tests (the Mongo one has its own IT). */
public final class InMemoryInboundArchive implements InboundArchive {

    private sealed interface State {}

    private record Processing() implements State {}

    private record Accepted(List<UUID> eventIds, List<String> notMonitored) implements State {}

    private record Rejected() implements State {}

    private final Map<String, State> byKey = new HashMap<>();

    @Override
    public synchronized Claim claim(Submission submission, Instant receivedAt) {
        if (submission.messageId() == null) {
            return new Claim.First();
        }
        State state = byKey.get(keyOf(submission));
        if (state == null) {
            boolean reused = byKey.entrySet().stream()
                    .anyMatch(entry -> entry.getKey().startsWith(messageKeyOf(submission) + "\n")
                            && entry.getValue() instanceof Accepted);
            byKey.put(keyOf(submission), new Processing());
            return new Claim.First(reused);
        }
        return switch (state) {
            case Accepted accepted -> new Claim.AlreadyAccepted(accepted.eventIds(), accepted.notMonitored());
            case Processing processing -> new Claim.InProgress();
            case Rejected rejected -> {
                byKey.put(keyOf(submission), new Processing());
                yield new Claim.First();
            }
        };
    }

    @Override
    public synchronized void recordAccepted(
            Submission submission, List<UUID> eventIds, List<String> notMonitored, Instant at) {
        if (submission.messageId() != null) {
            byKey.put(keyOf(submission), new Accepted(eventIds, notMonitored));
        }
    }

    @Override
    public synchronized void recordRejected(
            Submission submission, UUID rejectionId, InputKind kind, List<String> reasons, Instant at) {
        if (submission.messageId() != null) {
            byKey.put(keyOf(submission), new Rejected());
        }
    }

    @Override
    public synchronized void release(Submission submission) {
        if (submission.messageId() != null) {
            byKey.remove(keyOf(submission));
        }
    }

    private static String keyOf(Submission submission) {
        return messageKeyOf(submission) + "\n" + submission.contentKey();
    }

    private static String messageKeyOf(Submission submission) {
        return submission.protocol() + "|" + submission.sourceSystem() + "|" + submission.messageId();
    }
}
