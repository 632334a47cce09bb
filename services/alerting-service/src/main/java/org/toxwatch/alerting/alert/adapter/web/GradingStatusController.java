package org.toxwatch.alerting.alert.adapter.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.GradingStatus;

/**
 * Whether alerts are current (the console shows a red banner instead of "Live" whenever grading is not LIVE), and
 * whether the patient views' charts are (the timeline says so above its charts).
 */
@RestController
class GradingStatusController {

    private final GradingFreshness grading;
    private final GradingFreshness charting;

    GradingStatusController(
            @Qualifier("gradingFreshness") GradingFreshness grading,
            @Qualifier("chartingFreshness") GradingFreshness charting) {
        this.grading = grading;
        this.charting = charting;
    }

    /**
     * @param status LIVE, DELAYED, STOPPED or UNKNOWN
     * @param since when that began
     * @param delaySeconds how long the oldest unread record has waited
     * @param checkedAt when the broker was last asked
     */
    record GradingStatusView(
            String status,
            @Nullable Instant since,
            long lagRecords,
            long delaySeconds,
            @Nullable Instant checkedAt) {

        static GradingStatusView of(GradingStatus status) {
            return new GradingStatusView(
                    status.state().name(),
                    status.since(),
                    status.lagRecords(),
                    status.delay().toSeconds(),
                    status.checkedAt());
        }
    }

    @GetMapping("/api/v1/grading/status")
    GradingStatusView grading() {
        return GradingStatusView.of(grading.current());
    }

    @GetMapping("/api/v1/charting/status")
    GradingStatusView charting() {
        return GradingStatusView.of(charting.current());
    }
}
