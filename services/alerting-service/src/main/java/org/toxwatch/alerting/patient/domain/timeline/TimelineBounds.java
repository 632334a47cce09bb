package org.toxwatch.alerting.patient.domain.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How much of a patient's log the timeline keeps, of each kind (observations, therapy events): the newest
 * {@code perPatient}, and none more than {@code retention} before the newest.
 *
 * <p>Reading applies the bounds exactly. The log itself is trimmed to them only once it holds a tenth more than they
 * keep ({@link #trimDue}), so that keeping an entry needs no look at the rest of the patient's log: a store without
 * a per-patient index scans every patient's entries to find one patient's.
 */
public record TimelineBounds(int perPatient, Duration retention) {

    public TimelineBounds {
        Objects.requireNonNull(retention, "retention");
        if (perPatient < 1) {
            throw new IllegalArgumentException("perPatient must be at least 1");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
    }

    /** Of a patient's entries, newest first, those the timeline shows. */
    public <T> List<T> keep(List<T> newestFirst, Function<T, Instant> time) {
        if (newestFirst.isEmpty()) {
            return List.of();
        }
        Instant oldestKept = time.apply(newestFirst.getFirst()).minus(retention);
        return newestFirst.stream()
                .limit(perPatient)
                .takeWhile(entry -> !time.apply(entry).isBefore(oldestKept))
                .toList();
    }

    /**
     * Whether a log of this extent is due a trim: more than a tenth (at least one) beyond {@code perPatient} entries,
     * or its oldest more than a tenth of {@code retention} beyond it.
     */
    public boolean trimDue(Extent extent) {
        long entriesAllowed = perPatient + Math.max(1, perPatient / 10);
        Instant oldestAllowed = extent.newest().minus(retention).minus(retention.dividedBy(10));
        return extent.entries() > entriesAllowed || extent.oldest().isBefore(oldestAllowed);
    }

    /**
     * What one patient's log of one kind holds, as far as its writes tell: redelivered entries are counted again,
     * so {@code entries} may exceed what is stored until the next trim counts them.
     */
    public record Extent(long entries, Instant oldest, Instant newest) {

        public Extent {
            Objects.requireNonNull(oldest, "oldest");
            Objects.requireNonNull(newest, "newest");
        }
    }
}
