package org.toxwatch.monitoring.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of an exception the grading processor did not turn into a dead
 * letter (a broker fault, a fenced producer, a bug): the thread is replaced, so a passing fault costs a
 * rebalance, not the service. A fault that keeps killing threads is not passing: after {@code mostReplacements}
 * within {@code window} the client shuts down, liveness goes DOWN and the orchestrator (or the local
 * launcher) restarts the process, which is the honest outcome rather than a thread that dies forever unseen.
 */
final class StreamThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadReplacement.class);

    private final int mostReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    StreamThreadReplacement(int mostReplacements, Duration window, Clock clock) {
        this.mostReplacements = mostReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= mostReplacements) {
            log.error(
                    "A stream thread died {} times within {}; shutting the grading client down so the process is"
                            + " restarted: {}",
                    replacements.size() + 1,
                    window,
                    exception.getClass().getSimpleName());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.warn(
                "A stream thread died and is replaced: {}", exception.getClass().getSimpleName());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
