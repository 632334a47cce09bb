package org.toxwatch.alerting.patient.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * When a detail was stated: the record's {@code recordedAt} (the sender's time, which the contract orders by), then
 * when ToxWatch received it and its event id, so two records stating the same moment are ordered the same way
 * whatever order they are read in, and a record read twice is the same statement.
 */
public record Stamp(Instant recordedAt, Instant receivedAt, UUID eventId) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::recordedAt)
            .thenComparing(Stamp::receivedAt)
            .thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(eventId, "eventId");
    }

    public boolean isAfter(Stamp other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }
}
