package org.toxwatch.alerting.alert.domain.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Judges grading freshness from successive broker samples of the watched consumer groups.
 *
 * <ul>
 *   <li>A group without an active member is STOPPED, since the last sample that still showed one. A paused or
 *       crashed process is evicted by the broker after its session timeout (45 s by default).
 *   <li>Otherwise, a record is late from the moment it was first seen beyond the group's committed offset, to the
 *       precision of the checks: the watch remembers when each end offset was first seen, so a group that reads
 *       but falls further and further behind is late too, and a record arriving after an idle hour is not. Once
 *       the oldest unread record has waited longer than the threshold, grading is DELAYED.
 *   <li>When the broker cannot be asked, the state is UNKNOWN: freshness cannot be vouched for.
 * </ul>
 *
 * <p>Not thread-safe; one caller checks at a time.
 */
public final class GradingWatch {

    /** Arrival times kept per partition; beyond it the newest are thinned, never the oldest unread one. */
    static final int ARRIVALS_KEPT = 1_000;

    private final Duration delayThreshold;
    private final Map<String, GroupTrack> groups = new HashMap<>();
    private GradingStatus current = GradingStatus.notCheckedYet();

    public GradingWatch(Duration delayThreshold) {
        if (delayThreshold.isNegative() || delayThreshold.isZero()) {
            throw new IllegalArgumentException("the delay threshold must be positive");
        }
        this.delayThreshold = delayThreshold;
    }

    public GradingStatus current() {
        return current;
    }

    /** Takes one round of samples, taken at {@code now}, and answers the status they show. */
    public GradingStatus observe(List<GroupSample> samples, Instant now) {
        Instant stoppedSince = null;
        long lag = 0;
        Duration delay = Duration.ZERO;
        for (GroupSample sample : samples) {
            var track = groups.computeIfAbsent(sample.group(), group -> new GroupTrack(now));
            Instant stopped = track.observeMembers(sample.activeMembers(), now);
            if (stopped != null && (stoppedSince == null || stopped.isBefore(stoppedSince))) {
                stoppedSince = stopped;
            }
            for (PartitionOffsets partition : sample.partitions()) {
                lag += partition.unread();
                Duration waited = track.observe(partition, now);
                if (waited.compareTo(delay) > 0) {
                    delay = waited;
                }
            }
        }
        if (stoppedSince != null) {
            return becomes(GradingState.STOPPED, stoppedSince, lag, delay, now);
        }
        if (delay.compareTo(delayThreshold) > 0) {
            return becomes(GradingState.DELAYED, now.minus(delay), lag, delay, now);
        }
        return becomes(GradingState.LIVE, current.live() ? current.since() : now, lag, delay, now);
    }

    /** The broker could not be asked at {@code now}. */
    public GradingStatus unreachable(Instant now) {
        Instant since = current.state() == GradingState.UNKNOWN && current.since() != null ? current.since() : now;
        return becomes(GradingState.UNKNOWN, since, current.lagRecords(), current.delay(), now);
    }

    private GradingStatus becomes(
            GradingState state, @Nullable Instant since, long lag, Duration delay, Instant checkedAt) {
        current = new GradingStatus(state, since, lag, delay, checkedAt);
        return current;
    }

    private static final class GroupTrack {

        private final Instant firstSeen;
        private @Nullable Instant lastSeenWithMembers;
        private final Map<String, Deque<Arrival>> arrivals = new HashMap<>();

        GroupTrack(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }

        /** Answers since when the group has been without members, or null while it has some. */
        @Nullable
        Instant observeMembers(int activeMembers, Instant now) {
            if (activeMembers > 0) {
                lastSeenWithMembers = now;
                return null;
            }
            return Objects.requireNonNullElse(lastSeenWithMembers, firstSeen);
        }

        /** Records the partition's end offset and answers how long its oldest unread record has waited. */
        Duration observe(PartitionOffsets partition, Instant now) {
            Deque<Arrival> seen = arrivals.computeIfAbsent(partition.key(), key -> new ArrayDeque<>());
            if (seen.isEmpty() || partition.end() > seen.peekLast().end()) {
                seen.addLast(new Arrival(now, partition.end()));
            }
            // Entries whose records are all read say nothing any more; the oldest one left is when the next
            // unread record had arrived at the latest.
            while (seen.size() > 1 && seen.peekFirst().end() <= partition.committed()) {
                seen.removeFirst();
            }
            if (seen.size() > ARRIVALS_KEPT) {
                var oldest = seen.removeFirst();
                seen.removeFirst();
                seen.addFirst(oldest);
            }
            if (partition.unread() == 0) {
                return Duration.ZERO;
            }
            return Duration.between(seen.peekFirst().at(), now);
        }
    }

    /** By {@code at}, the partition's records up to (not including) {@code end} had been written. */
    private record Arrival(Instant at, long end) {}
}
