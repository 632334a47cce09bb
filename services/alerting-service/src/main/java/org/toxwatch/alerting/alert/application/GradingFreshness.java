package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.toxwatch.alerting.alert.domain.freshness.GradingStatus;
import org.toxwatch.alerting.alert.domain.freshness.GradingWatch;
import org.toxwatch.alerting.alert.domain.freshness.WatchedGroup;

/**
 * Use case: asks the broker, on every check, how the groups between an observation and its alert are doing, and
 * keeps the answer for the console, the status endpoint and the metrics. Run periodically.
 */
public final class GradingFreshness {

    private final ConsumerGroups consumerGroups;
    private final List<WatchedGroup> watched;
    private final GradingWatch watch;
    private final Clock clock;
    private volatile GradingStatus current;

    public GradingFreshness(
            ConsumerGroups consumerGroups, List<WatchedGroup> watched, Duration delayThreshold, Clock clock) {
        this.consumerGroups = consumerGroups;
        this.watched = List.copyOf(watched);
        this.watch = new GradingWatch(delayThreshold);
        this.clock = clock;
        this.current = watch.current();
    }

    public synchronized GradingStatus check() {
        try {
            current = watch.observe(consumerGroups.sample(watched), clock.instant());
        } catch (IllegalStateException brokerNotAnswering) {
            current = watch.unreachable(clock.instant());
        }
        return current;
    }

    /** The status as of the last check. */
    public GradingStatus current() {
        return current;
    }

    public List<WatchedGroup> watched() {
        return watched;
    }
}
