package org.toxwatch.alerting.alert.adapter.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.platform.LogValues;

/**
 * The alert clocks, escalation of unacknowledged alerts and resolution of recovered ones, as operators must see
 * them. A pass that throws (the store failing under load) is tried again only at its next tick; without this a
 * clock that keeps failing leaves HIGH alerts unescalated with nothing but a log line to show for it.
 *
 * <p>Every failed pass is counted in {@code toxwatch.alerting.clock.failures{clock}} (registered at zero, so a
 * first failure is an increase) and logged with its exception classes only: a store's message can quote a key,
 * and keys hold patient ids. The health component {@code alertClocks} is DOWN while a clock's last
 * {@value #FAILING_RUNS} passes all failed; it is in neither probe group, so it never restarts the service.
 */
public final class AlertClocks {

    /** Consecutive failed passes after which a clock counts as failing: 90 s for escalation at its 30 s tick. */
    static final int FAILING_RUNS = 3;

    private static final Logger log = LoggerFactory.getLogger(AlertClocks.class);

    /** The clocks alerting runs. */
    public enum Sweep {
        ESCALATION,
        RECOVERY;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a clock has run since the service started.
     *
     * @param lastSucceeded when its last successful pass ended, absent before the first
     * @param failedInARow how many passes failed since then
     */
    public record Runs(@Nullable Instant lastSucceeded, int failedInARow) {

        public boolean failing() {
            return failedInARow >= FAILING_RUNS;
        }
    }

    private final InstantSource time;
    private final Map<Sweep, AtomicReference<Runs>> runs = new EnumMap<>(Sweep.class);
    private final Map<Sweep, Counter> failures = new EnumMap<>(Sweep.class);

    public AlertClocks(MeterRegistry meterRegistry, InstantSource time) {
        this.time = time;
        for (Sweep sweep : Sweep.values()) {
            runs.put(sweep, new AtomicReference<>(new Runs(null, 0)));
            failures.put(sweep, meterRegistry.counter("toxwatch.alerting.clock.failures", "clock", sweep.tag()));
        }
    }

    /** Runs one pass of a clock; a pass that throws is recorded and yields nothing, so the scheduler keeps ticking. */
    public <T> Optional<T> run(Sweep sweep, Supplier<T> pass) {
        T result;
        try {
            result = pass.get();
        } catch (RuntimeException e) {
            var after =
                    runs.get(sweep).updateAndGet(before -> new Runs(before.lastSucceeded(), before.failedInARow() + 1));
            failures.get(sweep).increment();
            log.error(
                    "The {} clock's pass failed ({} in a row); it runs again at its next tick: {}",
                    sweep.tag(),
                    after.failedInARow(),
                    LogValues.exceptionClasses(e));
            return Optional.empty();
        }
        runs.get(sweep).set(new Runs(time.instant(), 0));
        return Optional.ofNullable(result);
    }

    public Runs runs(Sweep sweep) {
        return runs.get(sweep).get();
    }
}
