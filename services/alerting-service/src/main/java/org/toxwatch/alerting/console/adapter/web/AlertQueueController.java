package org.toxwatch.alerting.console.adapter.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.WardQueue;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.AlertStatus;

/**
 * The ward's queue: one row per patient with their alerts, in {@link WardQueue}'s order. Clinicians only, like every
 * alert route: each row says whose it is.
 */
@RestController
class AlertQueueController {

    /**
     * The answer's header naming each status whose alerts did not all fit: the console says so rather than show a
     * shorter queue as if it were whole.
     */
    static final String TRUNCATED_HEADER = "X-ToxWatch-Queue-Truncated";

    /** Per status, the most urgent first (priority, then most recently changed). */
    static final int MAX_PER_STATUS = 500;

    private static final List<AlertStatus> NEEDING_ATTENTION =
            List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.SNOOZED);

    private final Alerts alerts;
    private final PatientFiles patients;

    AlertQueueController(Alerts alerts, PatientFiles patients) {
        this.alerts = alerts;
        this.patients = patients;
    }

    /** A patient's row: who they are (null when nothing was said yet) and their alerts, most urgent first. */
    record QueueRow(String patientId, @Nullable PatientView patient, List<AlertView> alerts) {}

    /** @param status one status only; without it, every alert needing attention (open, acknowledged, snoozed) */
    @GetMapping("/api/v1/alerts/queue")
    ResponseEntity<List<QueueRow>> queue(@RequestParam(required = false) @Nullable AlertStatus status) {
        var episodes = new ArrayList<AlertEpisode>();
        var truncated = new ArrayList<String>();
        for (var wanted : status == null ? NEEDING_ATTENTION : List.of(status)) {
            var listed = alerts.list(AlertFilter.of(wanted, null, MAX_PER_STATUS + 1));
            if (listed.size() > MAX_PER_STATUS) {
                truncated.add(wanted.name());
                listed = listed.subList(0, MAX_PER_STATUS);
            }
            episodes.addAll(listed);
        }
        var answer = ResponseEntity.ok();
        if (!truncated.isEmpty()) {
            answer.header(TRUNCATED_HEADER, String.join(",", truncated));
        }
        return answer.body(rows(episodes));
    }

    private List<QueueRow> rows(List<AlertEpisode> episodes) {
        var rows = WardQueue.of(episodes);
        var files = patients.findAll(
                rows.stream().map(WardQueue.PatientAlerts::patientId).toList());
        return rows.stream()
                .map(row -> {
                    PatientFile file = files.get(row.patientId());
                    var details = file == null ? null : file.details();
                    return new QueueRow(
                            row.patientId(),
                            details == null ? null : PatientView.of(details),
                            row.alerts().stream()
                                    .map(alert -> AlertView.of(alert, details))
                                    .toList());
                })
                .toList();
    }
}
