package org.toxwatch.monitoring.config;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StreamThreadReplacementTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final StreamThreadReplacement handler = new StreamThreadReplacement(3, Duration.ofMinutes(10), clock);
    private final RuntimeException fault = new IllegalStateException("broker gone");

    @Test
    void aDeadThreadIsReplacedAsOftenAsAllowedWithinTheWindow() {
        assertThat(handler.handle(fault)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(fault)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(fault)).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void oneMoreDeathWithinTheWindowShutsTheClientDownSoTheProcessIsRestarted() {
        for (int i = 0; i < 3; i++) {
            handler.handle(fault);
            clock.advance(Duration.ofMinutes(3));
        }

        assertThat(handler.handle(fault)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void deathsOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 3; i++) {
            handler.handle(fault);
        }
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(handler.handle(fault)).isEqualTo(REPLACE_THREAD);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
