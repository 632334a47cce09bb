package org.toxwatch.alerting.alert.domain.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Grading freshness as the console banner and the operator's page see it, from broker samples over time. */
class GradingWatchTest {

    private static final Duration THRESHOLD = Duration.ofMinutes(2);
    private static final Duration CHECK = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

    private final GradingWatch watch = new GradingWatch(THRESHOLD);
    private Instant now = START;

    @Test
    void isUnknownUntilTheBrokerHasBeenAsked() {
        assertThat(watch.current().state()).isEqualTo(GradingState.UNKNOWN);
        assertThat(watch.current().checkedAt()).isNull();
    }

    @Test
    void isLiveWhileEveryGroupHasAMemberAndHasReadEverything() {
        var status = check(grading(1, offsets(100, 100)), reading(3, offsets(40, 40)));

        assertThat(status.state()).isEqualTo(GradingState.LIVE);
        assertThat(status.since()).isEqualTo(START);
        assertThat(status.lagRecords()).isZero();
        assertThat(status.delay()).isZero();
        assertThat(status.checkedAt()).isEqualTo(START);
    }

    @Test
    void staysLiveSinceItFirstWasLive() {
        check(grading(1, offsets(100, 100)));
        later(CHECK);

        assertThat(check(grading(1, offsets(100, 100))).since()).isEqualTo(START);
    }

    @Nested
    class Stopped {

        @Test
        void whenAGroupHasNoMemberSinceItWasLastSeenWithOne() {
            check(grading(1, offsets(100, 100)));
            later(CHECK);
            Instant lastSeen = now;
            check(grading(1, offsets(100, 100)));
            later(CHECK);

            var status = check(grading(0, offsets(100, 100)));

            assertThat(status.state()).isEqualTo(GradingState.STOPPED);
            assertThat(status.since()).isEqualTo(lastSeen);
        }

        @Test
        void fromTheFirstCheckWhenTheGroupWasNeverSeenWithAMember() {
            var status = check(grading(0, offsets(0, 0)));

            assertThat(status.state()).isEqualTo(GradingState.STOPPED);
            assertThat(status.since()).isEqualTo(START);
        }

        @Test
        void evenWhenNothingIsWaiting_becauseTheNextResultWouldNotBeGraded() {
            check(grading(1, offsets(100, 100)));
            later(CHECK);

            assertThat(check(grading(0, offsets(100, 100))).state()).isEqualTo(GradingState.STOPPED);
        }

        @Test
        void whenAlertingsOwnReaderHasNoMember() {
            var status = check(grading(1, offsets(100, 100)), reading(0, offsets(40, 40)));

            assertThat(status.state()).isEqualTo(GradingState.STOPPED);
        }

        @Test
        void beforeDelayed_whenBothApply() {
            check(grading(1, offsets(100, 100)), reading(1, offsets(40, 41)));
            later(THRESHOLD.plus(CHECK));

            assertThat(check(grading(1, offsets(100, 100)), reading(0, offsets(40, 41)))
                            .state())
                    .isEqualTo(GradingState.STOPPED);
        }

        @Test
        void untilAMemberIsBack() {
            check(grading(0, offsets(100, 100)));
            later(CHECK);

            var status = check(grading(1, offsets(100, 100)));

            assertThat(status.state()).isEqualTo(GradingState.LIVE);
            assertThat(status.since()).isEqualTo(now);
        }
    }

    @Nested
    class Delayed {

        @Test
        void whenUnreadRecordsHaveWaitedLongerThanTheThreshold() {
            check(grading(1, offsets(100, 100)));
            later(CHECK);
            Instant arrived = now;
            check(grading(1, offsets(100, 105)));

            later(THRESHOLD);
            var atThreshold = check(grading(1, offsets(100, 108)));
            later(CHECK);
            var beyond = check(grading(1, offsets(100, 110)));

            assertThat(atThreshold.state()).isEqualTo(GradingState.LIVE);
            assertThat(beyond.state()).isEqualTo(GradingState.DELAYED);
            assertThat(beyond.since()).isEqualTo(arrived);
            assertThat(beyond.delay()).isEqualTo(THRESHOLD.plus(CHECK));
            assertThat(beyond.lagRecords()).isEqualTo(10);
        }

        @Test
        void whenTheGroupReadsButFallsFurtherBehind() {
            check(grading(1, offsets(0, 100)));
            GradingStatus status = null;
            for (int i = 1; i <= 20; i++) {
                later(CHECK);
                status = check(grading(1, offsets(10L * i, 100 + 20L * i)));
            }

            // It has read up to offset 200, which was written between the 5th and the 6th check.
            assertThat(status.state()).isEqualTo(GradingState.DELAYED);
            assertThat(status.since()).isEqualTo(START.plus(CHECK.multipliedBy(6)));
        }

        @Test
        void notWhenAResultArrivesAfterAnIdleHour() {
            check(grading(1, offsets(100, 100)));
            later(Duration.ofHours(1));

            var status = check(grading(1, offsets(100, 101)));

            assertThat(status.state()).isEqualTo(GradingState.LIVE);
            assertThat(status.delay()).isZero();
            assertThat(status.lagRecords()).isEqualTo(1);
        }

        @Test
        void notWhileTheGroupKeepsUpWithinTheThreshold() {
            for (int i = 0; i < 60; i++) {
                check(grading(1, offsets(100L * i, 100L * i + 50)));
                later(CHECK);
            }

            assertThat(watch.current().state()).isEqualTo(GradingState.LIVE);
            assertThat(watch.current().delay()).isZero();
        }

        @Test
        void countingFromTheFirstCheckForRecordsAlreadyWaitingThen() {
            check(grading(1, offsets(100, 150)));
            later(THRESHOLD.plus(CHECK));

            var status = check(grading(1, offsets(100, 150)));

            assertThat(status.state()).isEqualTo(GradingState.DELAYED);
            assertThat(status.since()).isEqualTo(START);
        }

        @Test
        void untilTheGroupHasCaughtUp() {
            check(grading(1, offsets(100, 110)));
            later(THRESHOLD.plus(CHECK));
            check(grading(1, offsets(100, 110)));
            later(CHECK);

            var status = check(grading(1, offsets(110, 110)));

            assertThat(status.state()).isEqualTo(GradingState.LIVE);
            assertThat(status.since()).isEqualTo(now);
            assertThat(status.delay()).isZero();
        }

        @Test
        void whateverPartitionTheWaitingRecordIsOn() {
            check(grading(1, offsets(0, 5, 100, 100)));
            later(THRESHOLD.plus(CHECK));

            var status = check(grading(1, offsets(5, 5, 100, 101)));

            assertThat(status.state()).isEqualTo(GradingState.LIVE);
            later(THRESHOLD.plus(CHECK));
            assertThat(check(grading(1, offsets(5, 5, 100, 101))).state()).isEqualTo(GradingState.DELAYED);
        }

        @Test
        void keepsTheOldestUnreadArrivalWhenTheRecordOfArrivalsIsFull() {
            check(grading(1, offsets(0, 1)));
            for (int i = 1; i <= GradingWatch.ARRIVALS_KEPT + 10; i++) {
                later(CHECK);
                check(grading(1, offsets(0, 1 + i)));
            }

            assertThat(watch.current().since()).isEqualTo(START);
        }
    }

    @Nested
    class Unknown {

        @Test
        void whenTheBrokerCannotBeAskedSinceTheFirstFailedCheck() {
            check(grading(1, offsets(100, 100)));
            later(CHECK);
            Instant firstFailure = now;
            watch.unreachable(now);
            later(CHECK);

            var status = watch.unreachable(now);

            assertThat(status.state()).isEqualTo(GradingState.UNKNOWN);
            assertThat(status.since()).isEqualTo(firstFailure);
            assertThat(status.checkedAt()).isEqualTo(now);
        }

        @Test
        void andRemembersArrivalsAcrossTheOutage() {
            check(grading(1, offsets(100, 110)));
            later(THRESHOLD);
            watch.unreachable(now);
            later(CHECK);

            assertThat(check(grading(1, offsets(100, 110))).since()).isEqualTo(START);
        }
    }

    private GradingStatus check(GroupSample... samples) {
        return watch.observe(List.of(samples), now);
    }

    private void later(Duration duration) {
        now = now.plus(duration);
    }

    private static GroupSample grading(int members, List<PartitionOffsets> partitions) {
        return new GroupSample("monitoring", members, partitions);
    }

    private static GroupSample reading(int members, List<PartitionOffsets> partitions) {
        return new GroupSample("alerting.assessment-reader", members, partitions);
    }

    /** Committed and end offsets of partitions 0, 1, ... of the lab-results topic, in pairs. */
    private static List<PartitionOffsets> offsets(long... committedAndEnd) {
        var partitions = new java.util.ArrayList<PartitionOffsets>();
        for (int i = 0; i < committedAndEnd.length; i += 2) {
            partitions.add(
                    new PartitionOffsets("clinical.lab-results.v1", i / 2, committedAndEnd[i], committedAndEnd[i + 1]));
        }
        return partitions;
    }
}
