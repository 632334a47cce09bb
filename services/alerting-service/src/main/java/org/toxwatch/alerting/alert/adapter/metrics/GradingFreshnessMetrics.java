package org.toxwatch.alerting.alert.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.GradingState;
import org.toxwatch.alerting.alert.domain.freshness.GradingStatus;

/**
 * A freshness for Prometheus, as of the last check, under its path's prefix ({@code toxwatch.grading}, {@code
 * toxwatch.charting}): {@code .delay.seconds} (how long the oldest unread record has waited), {@code .lag.records}
 * and {@code .stopped} (1 when a watched group has no member). All three are NaN while the broker cannot be asked.
 * No tags.
 */
public final class GradingFreshnessMetrics implements MeterBinder {

    private static final ToDoubleFunction<GradingStatus> DELAY = s -> s.delay().toMillis() / 1000.0;
    private static final ToDoubleFunction<GradingStatus> LAG = GradingStatus::lagRecords;
    private static final ToDoubleFunction<GradingStatus> STOPPED = s -> s.state() == GradingState.STOPPED ? 1 : 0;

    private final GradingFreshness freshness;

    public GradingFreshnessMetrics(GradingFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        switch (freshness.path()) {
            case GRADING -> {
                gauge(registry, "toxwatch.grading.delay.seconds", "seconds", DELAY);
                gauge(registry, "toxwatch.grading.lag.records", "records", LAG);
                gauge(registry, "toxwatch.grading.stopped", null, STOPPED);
            }
            case CHARTING -> {
                gauge(registry, "toxwatch.charting.delay.seconds", "seconds", DELAY);
                gauge(registry, "toxwatch.charting.lag.records", "records", LAG);
                gauge(registry, "toxwatch.charting.stopped", null, STOPPED);
            }
        }
    }

    private void gauge(
            MeterRegistry registry, String name, @Nullable String unit, ToDoubleFunction<GradingStatus> value) {
        Gauge.builder(name, freshness, f -> {
                    GradingStatus status = f.current();
                    return status.state() == GradingState.UNKNOWN ? Double.NaN : value.applyAsDouble(status);
                })
                .baseUnit(unit)
                .description("Freshness of the " + freshness.path().name().toLowerCase(Locale.ROOT)
                        + " path (see GradingFreshness), as of the last check")
                .register(registry);
    }
}
