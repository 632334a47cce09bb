package org.toxwatch.alerting.alert.adapter.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.alerting.alert.application.ResolveRecoveredAlerts;

/** Looks for episodes back at grade 0 long enough, every {@code toxwatch.alerting.recovery-check} (default 5 min). */
public final class RecoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduler.class);

    private final ResolveRecoveredAlerts resolveRecoveredAlerts;

    public RecoveryScheduler(ResolveRecoveredAlerts resolveRecoveredAlerts) {
        this.resolveRecoveredAlerts = resolveRecoveredAlerts;
    }

    @Scheduled(fixedDelayString = "${toxwatch.alerting.recovery-check:PT5M}")
    public void resolveRecoveredAlerts() {
        int changed = resolveRecoveredAlerts.run().size();
        if (changed > 0) {
            log.info("Proposed or made the resolution of {} recovered alert(s)", changed);
        }
    }
}
