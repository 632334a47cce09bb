package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.toxwatch.platform.LoginThrottle.Consequence;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 20, Duration.ofMinutes(15)),
            clock);

    @Test
    void theFirstFourFailuresCostNothing() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("clinician", "10.0.0.1")).isEqualTo(Consequence.NONE);
        }
        assertThat(throttle.wait("clinician", "10.0.0.1")).isEmpty();
    }

    @Test
    void fromTheFifthFailureTheWaitDoublesUpToTheLongest() {
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(throttle.delayAfter(19)).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.delayAfter(20)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theFifthFailureMakesTheNextAttemptWait() {
        failTimes(4, "clinician", "10.0.0.1");

        assertThat(throttle.failed("clinician", "10.0.0.1")).isEqualTo(Consequence.DELAYED);

        assertThat(throttle.wait("clinician", "10.0.0.1")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.wait("clinician", "10.0.0.1")).isEmpty();
    }

    @Test
    void twentyFailuresLockTheAccountForFifteenMinutesFromAnyAddress() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("clinician", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(throttle.failed("clinician", "10.0.0.99")).isEqualTo(Consequence.LOCKED);

        assertThat(throttle.wait("clinician", "192.168.1.1")).hasValue(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.wait("clinician", "192.168.1.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldBackAsAWhole() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "10.0.0.7");
        }

        assertThat(throttle.wait("someone-else", "10.0.0.7")).isPresent();
        assertThat(throttle.wait("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeAKnownOne() {
        failTimes(5, "clinician", "10.0.0.1");
        failTimes(5, "no-such-user", "10.0.0.2");

        assertThat(throttle.wait("no-such-user", "10.0.0.3")).isEqualTo(throttle.wait("clinician", "10.0.0.4"));
    }

    @Test
    void accountNamesDifferingOnlyInCaseOrSpacesShareOneCount() {
        failTimes(5, "Clinician ", "10.0.0.1");

        assertThat(throttle.wait("clinician", "10.0.0.2")).isPresent();
    }

    @Test
    void aCorrectPasswordClearsTheAccountButNotTheAddress() {
        failTimes(5, "clinician", "10.0.0.1");
        clock.advance(Duration.ofSeconds(1));

        throttle.succeeded("clinician");

        assertThat(throttle.wait("clinician", "10.0.0.2")).isEmpty();
        assertThat(throttle.failed("other", "10.0.0.1")).isEqualTo(Consequence.DELAYED);
    }

    @Test
    void failuresLongAgoAreForgotten() {
        failTimes(4, "clinician", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));

        assertThat(throttle.failed("clinician", "10.0.0.1")).isEqualTo(Consequence.NONE);
    }

    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
