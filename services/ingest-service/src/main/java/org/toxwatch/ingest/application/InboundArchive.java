package org.toxwatch.ingest.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Port: every inbound message as received, with what became of it. It is the audit record of what each
 * sender sent, and it makes a resend recognisable: a message is claimed before it is processed, so a second
 * copy of an accepted message gets the original answer and publishes nothing. A copy is a copy only when
 * sender, message id and content ({@link Submission#contentKey()}) all match: the same id with other content is
 * a message of its own.
 */
public interface InboundArchive {

    /** What the archive knew of a message when it was claimed. */
    sealed interface Claim {
        /**
         * Never seen, or seen and rejected (a rejected message is judged again: its mapping may be fixed).
         *
         * @param controlIdReused the sender's id was accepted before with other content
         */
        record First(boolean controlIdReused) implements Claim {
            public First() {
                this(false);
            }
        }

        /**
         * Already accepted: answer with the original event ids and publish nothing.
         *
         * @param notMonitored the codes of the results that were skipped as not monitored
         */
        record AlreadyAccepted(List<UUID> eventIds, List<String> notMonitored) implements Claim {
            public AlreadyAccepted(List<UUID> eventIds) {
                this(eventIds, List.of());
            }
        }

        /** Another copy is being processed right now: the sender should retry shortly. */
        record InProgress() implements Claim {}
    }

    Claim claim(Submission submission, Instant receivedAt);

    default void recordAccepted(Submission submission, List<UUID> eventIds, Instant at) {
        recordAccepted(submission, eventIds, List.of(), at);
    }

    /**
     * @param notMonitored the codes of the results skipped as not monitored (in message order), archived with the
     *     message so that what ToxWatch did not read stays visible
     */
    void recordAccepted(Submission submission, List<UUID> eventIds, List<String> notMonitored, Instant at);

    /** @param kind the kind of input the message was (tells a replay how to read it again) */
    void recordRejected(Submission submission, UUID rejectionId, InputKind kind, List<String> reasons, Instant at);

    /** Kafka did not store the events: forget the claim so that the sender's retry is processed afresh. */
    void release(Submission submission);
}
