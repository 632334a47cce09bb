package org.toxwatch.alerting.alert.domain.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where grading stands.
 *
 * @param since when the state began: for STOPPED the last time the group was seen with a member, for DELAYED
 *     when the oldest unread record arrived (to the precision of the checks)
 * @param lagRecords records written but not yet read, over all watched groups
 * @param delay how long the oldest unread record has waited (zero when nothing waits)
 * @param checkedAt when the broker was last asked; absent before the first check
 */
public record GradingStatus(
        GradingState state,
        @Nullable Instant since,
        long lagRecords,
        Duration delay,
        @Nullable Instant checkedAt) {

    public GradingStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(delay, "delay");
    }

    static GradingStatus notCheckedYet() {
        return new GradingStatus(GradingState.UNKNOWN, null, 0, Duration.ZERO, null);
    }

    public boolean live() {
        return state == GradingState.LIVE;
    }
}
