package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.toxwatch.launcher.RestartPolicy.Decision;

class RestartPolicyTest {

    private static final RestartPolicy POLICY = RestartPolicy.DEFAULT;
    private static final Duration SHORT_UPTIME = Duration.ofSeconds(20);

    @Test
    void aServiceKilledWhileThePlatformRunsIsRestartedAfterOneSecond() {
        Decision decision = POLICY.onExit(false, 137, Duration.ofMinutes(30), 0);

        assertThat(decision)
                .isEqualTo(new Decision.Restart("exit code 137 (killed by SIGKILL)", 1, Duration.ofSeconds(1)));
    }

    @Test
    void eachCrashInARowDoublesTheWaitUpToOneMinute() {
        assertThat(POLICY.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.delayBefore(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(POLICY.delayBefore(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.delayBefore(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aServiceThatCrashesSoonAfterItsRestartWaitsLongerNextTime() {
        var third = POLICY.onExit(false, 1, SHORT_UPTIME, 2);

        assertThat(third).isInstanceOfSatisfying(Decision.Restart.class, restart -> {
            assertThat(restart.consecutiveCrash()).isEqualTo(3);
            assertThat(restart.delay()).isEqualTo(Duration.ofSeconds(4));
        });
    }

    @Test
    void aServiceThatStayedUpFiveMinutesStartsTheBackoffAgain() {
        var afterAStableRun = POLICY.onExit(false, 1, Duration.ofMinutes(5), 6);

        assertThat(afterAStableRun).isInstanceOfSatisfying(Decision.Restart.class, restart -> {
            assertThat(restart.consecutiveCrash()).isEqualTo(1);
            assertThat(restart.delay()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void nothingIsRestartedWhileThePlatformStops() {
        var decision = POLICY.onExit(true, 137, SHORT_UPTIME, 0);

        assertThat(decision).isInstanceOf(Decision.LeaveStopped.class);
    }

    @Test
    void aServiceStoppedByCtrlCOrSigtermIsLeftStopped() {
        assertThat(POLICY.onExit(false, 130, SHORT_UPTIME, 0))
                .isEqualTo(new Decision.LeaveStopped("exit code 130 (killed by SIGINT): stopped on request"));
        assertThat(POLICY.onExit(false, 143, SHORT_UPTIME, 0)).isInstanceOf(Decision.LeaveStopped.class);
    }

    @Test
    void aServiceThatEndsByItselfEvenWithCodeZeroIsRestarted() {
        assertThat(POLICY.onExit(false, 0, SHORT_UPTIME, 0)).isInstanceOf(Decision.Restart.class);
    }

    @Test
    void theConsoleIsToldTheSignalOrOutOfMemoryInPlainWords() {
        assertThat(RestartPolicy.describe(137)).isEqualTo("exit code 137 (killed by SIGKILL)");
        assertThat(RestartPolicy.describe(134)).isEqualTo("exit code 134 (killed by SIGABRT)");
        assertThat(RestartPolicy.describe(3)).isEqualTo("exit code 3 (out of memory)");
        assertThat(RestartPolicy.describe(1)).isEqualTo("exit code 1");
    }

    @Test
    void aPolicyNeedsAPositiveFirstDelayNoLongerThanTheCap() {
        assertThatThrownBy(() -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
