package org.toxwatch.alerting.alert.adapter.scheduling;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.alerting.alert.application.ResolveRecoveredAlerts;

/**
 * Looks for episodes back at grade 0 long enough, every {@code toxwatch.alerting.recovery-check} (default 5 min); a
 * pass that fails is recorded in {@link AlertClocks}.
 */
public final class RecoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduler.class);

    private final ResolveRecoveredAlerts resolveRecoveredAlerts;
    private final AlertClocks clocks;

    public RecoveryScheduler(ResolveRecoveredAlerts resolveRecoveredAlerts, AlertClocks clocks) {
        this.resolveRecoveredAlerts = resolveRecoveredAlerts;
        this.clocks = clocks;
    }

    @Scheduled(fixedDelayString = "${toxwatch.alerting.recovery-check:PT5M}")
    public void resolveRecoveredAlerts() {
        int changed = clocks.run(AlertClocks.Sweep.RECOVERY, resolveRecoveredAlerts::run)
                .map(List::size)
                .orElse(0);
        if (changed > 0) {
            log.info("Proposed or made the resolution of {} recovered alert(s)", changed);
        }
    }
}
