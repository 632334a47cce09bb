package org.toxwatch.ingest.application;

import java.time.Duration;

/**
 * Port: what operators watch on ingest, by protocol: messages by outcome, rejection reasons, and how long a
 * sender waited for its acknowledgement. Reasons name a field or an error kind, never a value or an id.
 */
public interface IngestMonitor {

    enum Answer {
        ACCEPTED,
        /** Accepted, and the sender had used its message id before for other content. */
        CONTROL_ID_REUSED,
        RESEND,
        REJECTED,
        NOT_STORED,
        IN_PROGRESS
    }

    void answered(String protocol, Answer answer, Duration waited);

    /** One per problem found in a rejected message; {@code reason} names where, e.g. {@code OBX-6} or {@code unit}. */
    void rejected(String protocol, String reason);

    /**
     * Results of an accepted message that were skipped because ToxWatch does not monitor their code. Counted by
     * protocol only: the codes stay in the archive, out of the metric's tags.
     */
    default void notMonitored(String protocol, int results) {}
}
