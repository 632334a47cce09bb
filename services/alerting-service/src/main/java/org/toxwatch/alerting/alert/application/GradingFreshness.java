package org.toxwatch.alerting.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.toxwatch.alerting.alert.domain.freshness.GradingStatus;
import org.toxwatch.alerting.alert.domain.freshness.GradingWatch;
import org.toxwatch.alerting.alert.domain.freshness.WatchedGroup;

/**
 * Use case: asks the broker, on every check, how the groups on one path are doing (between an observation and its
 * alert, or behind the patient views), and keeps the answer for the console, the status endpoint and the metrics.
 * Run periodically.
 */
public final class GradingFreshness {

    /** The path a freshness follows. */
    public enum Path {
        /** From an observation to its alert. */
        GRADING("Grading"),
        /** From an observation, therapy event or patient record to the patient views. */
        CHARTING("Charting");

        private final String label;

        Path(String label) {
            this.label = label;
        }

        /** Its name in a sentence's first word ("Grading is DELAYED"). */
        public String label() {
            return label;
        }
    }

    private final Path path;
    private final ConsumerGroups consumerGroups;
    private final List<WatchedGroup> watched;
    private final GradingWatch watch;
    private final Clock clock;
    private volatile GradingStatus current;

    public GradingFreshness(
            Path path,
            ConsumerGroups consumerGroups,
            List<WatchedGroup> watched,
            Duration delayThreshold,
            Clock clock) {
        this.path = path;
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

    public Path path() {
        return path;
    }

    public List<WatchedGroup> watched() {
        return watched;
    }
}
