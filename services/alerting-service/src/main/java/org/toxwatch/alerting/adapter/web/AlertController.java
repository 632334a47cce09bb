package org.toxwatch.alerting.adapter.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.application.Alerts;
import org.toxwatch.model.AlertStatus;

/** The clinicians' alert queue: highest priority first, then most recently changed. */
@RestController
class AlertController {

    private static final int MAX_PAGE = 500;

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(
            @RequestParam(required = false) @Nullable AlertStatus status,
            @RequestParam(required = false) @Nullable String patientId,
            @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_PAGE));
        return alerts.list(status, patientId, bounded).stream()
                .map(AlertView::of)
                .toList();
    }
}
