package org.toxwatch.alerting.alert.adapter.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.GradingState;

/**
 * Asks the broker how a path keeps up (grading, charting) every {@code toxwatch.alerting.grading-check} (default
 * 10 s), and logs each change of state under the path's name.
 */
public final class GradingFreshnessScheduler {

    private static final Logger log = LoggerFactory.getLogger(GradingFreshnessScheduler.class);

    private final GradingFreshness freshness;
    private GradingState last = GradingState.UNKNOWN;

    public GradingFreshnessScheduler(GradingFreshness freshness) {
        this.freshness = freshness;
    }

    @Scheduled(
            initialDelayString = "${toxwatch.alerting.grading-check:PT10S}",
            fixedDelayString = "${toxwatch.alerting.grading-check:PT10S}")
    public void check() {
        var status = freshness.check();
        if (status.state() != last) {
            if (status.live()) {
                log.info("{} is live again", freshness.path().label());
            } else {
                log.warn(
                        "{} is {} since {} ({} record(s) unread)",
                        freshness.path().label(),
                        status.state(),
                        status.since(),
                        status.lagRecords());
            }
            last = status.state();
        }
    }
}
