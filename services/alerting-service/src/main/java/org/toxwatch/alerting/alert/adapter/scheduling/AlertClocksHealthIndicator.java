package org.toxwatch.alerting.alert.adapter.scheduling;

import java.util.LinkedHashMap;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code alertClocks}: DOWN while the escalation or the recovery clock has failed its last passes
 * in a row ({@link AlertClocks}), with when each last succeeded. Shown on {@code /actuator/health}, not in the
 * liveness or readiness group: a restart does not mend a failing store, and the console must stay up.
 */
public final class AlertClocksHealthIndicator extends AbstractHealthIndicator {

    private final AlertClocks clocks;

    public AlertClocksHealthIndicator(AlertClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean failing = false;
        for (AlertClocks.Sweep sweep : AlertClocks.Sweep.values()) {
            var runs = clocks.runs(sweep);
            failing |= runs.failing();
            var detail = new LinkedHashMap<String, Object>();
            detail.put(
                    "lastSucceeded",
                    runs.lastSucceeded() == null
                            ? "not yet"
                            : runs.lastSucceeded().toString());
            detail.put("failedInARow", runs.failedInARow());
            builder.withDetail(sweep.tag(), detail);
        }
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
