package org.toxwatch.alerting.alert.adapter.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.alerting.alert.application.EscalateAlerts;

/**
 * Checks for alerts due for escalation every {@code toxwatch.alerting.escalation-check} (default 30 s); a pass that
 * fails is recorded in {@link AlertClocks}, so operators see a clock that stopped escalating.
 */
public final class EscalationScheduler {

    private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

    private final EscalateAlerts escalateAlerts;
    private final AlertClocks clocks;
    private final MeterRegistry meterRegistry;

    public EscalationScheduler(EscalateAlerts escalateAlerts, AlertClocks clocks, MeterRegistry meterRegistry) {
        this.escalateAlerts = escalateAlerts;
        this.clocks = clocks;
        this.meterRegistry = meterRegistry;
    }

    @Scheduled(fixedDelayString = "${toxwatch.alerting.escalation-check:PT30S}")
    public void escalateDueAlerts() {
        var escalated =
                clocks.run(AlertClocks.Sweep.ESCALATION, escalateAlerts::run).orElse(List.of());
        escalated.forEach(event -> meterRegistry
                .counter(
                        "toxwatch.alerts.escalated",
                        "priority",
                        event.priority().name(),
                        "criterion",
                        event.criterion().name())
                .increment());
        if (!escalated.isEmpty()) {
            log.info("Escalated {} unacknowledged alert(s)", escalated.size());
        }
    }
}
