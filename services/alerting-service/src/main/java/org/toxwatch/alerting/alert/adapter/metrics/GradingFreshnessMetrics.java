package org.toxwatch.alerting.alert.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.GradingState;
import org.toxwatch.alerting.alert.domain.freshness.GradingStatus;

/**
 * Grading freshness for Prometheus, as of the last check: {@code toxwatch.grading.delay.seconds} (how long the
 * oldest unread record has waited), {@code toxwatch.grading.lag.records} and {@code toxwatch.grading.stopped}
 * (1 when a watched group has no member). All three are NaN while the broker cannot be asked. No tags.
 */
public final class GradingFreshnessMetrics implements MeterBinder {

    private final GradingFreshness freshness;

    public GradingFreshnessMetrics(GradingFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "toxwatch.grading.delay.seconds",
                "seconds",
                s -> s.delay().toMillis() / 1000.0);
        gauge(registry, "toxwatch.grading.lag.records", "records", s -> s.lagRecords());
        gauge(registry, "toxwatch.grading.stopped", null, s -> s.state() == GradingState.STOPPED ? 1 : 0);
    }

    private void gauge(MeterRegistry registry, String name, String unit, ToDoubleFunction<GradingStatus> value) {
        Gauge.builder(name, freshness, f -> {
                    GradingStatus status = f.current();
                    return status.state() == GradingState.UNKNOWN ? Double.NaN : value.applyAsDouble(status);
                })
                .baseUnit(unit)
                .description("Grading freshness (see GradingFreshness), as of the last check")
                .register(registry);
    }
}
