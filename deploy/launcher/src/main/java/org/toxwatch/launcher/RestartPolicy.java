package org.toxwatch.launcher;

import java.time.Duration;

/**
 * What the launcher does when one of its services exits: nothing while the platform is stopping or when the
 * service was asked to stop (SIGINT, SIGTERM); otherwise a restart after an exponential backoff (1 s, 2 s,
 * 4 s ... capped), which starts again from the first delay once the service had stayed up long enough.
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter) {

    /** 1 s doubling up to 60 s; five minutes up counts as healthy again. */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;
    /** The exit code of a JVM started with -XX:+ExitOnOutOfMemoryError that ran out of heap. */
    private static final int JVM_OUT_OF_MEMORY = 3;

    public RestartPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
        }
    }

    /** The launcher's answer to one exit. */
    public sealed interface Decision {
        /** Why the service ended, for the console: an exit code or signal, never anything it processed. */
        String why();

        record Restart(String why, int consecutiveCrash, Duration delay) implements Decision {}

        record LeaveStopped(String why) implements Decision {}
    }

    /**
     * @param platformStopping the launcher itself is shutting down (Ctrl-C)
     * @param exitCode the process's exit value; 128 + n when signal n ended it
     * @param uptime how long the process ran before it exited
     * @param previousConsecutiveCrashes crashes in a row before this one, each after a short uptime
     */
    public Decision onExit(boolean platformStopping, int exitCode, Duration uptime, int previousConsecutiveCrashes) {
        String why = describe(exitCode);
        if (platformStopping) {
            return new Decision.LeaveStopped(why + " while the platform stops");
        }
        if (exitCode == 128 + SIGINT || exitCode == 128 + SIGTERM) {
            return new Decision.LeaveStopped(why + ": stopped on request");
        }
        int crash = uptime.compareTo(stableAfter) >= 0 ? 1 : previousConsecutiveCrashes + 1;
        return new Decision.Restart(why, crash, delayBefore(crash));
    }

    /** The wait before the restart that follows the given crash in a row (the first is 1). */
    public Duration delayBefore(int consecutiveCrash) {
        Duration delay = firstDelay;
        for (int i = 1; i < consecutiveCrash && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** An exit code as people read it: the signal for 128 + n, out of memory for the JVM's code 3. */
    public static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "exit code " + exitCode + " (killed by " + signalName(signal) + ")";
        }
        if (exitCode == JVM_OUT_OF_MEMORY) {
            return "exit code 3 (out of memory)";
        }
        return "exit code " + exitCode;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case SIGINT -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case SIGTERM -> "SIGTERM";
            default -> "signal " + signal;
        };
    }
}
