package org.toxwatch.alerting.console.adapter.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.alert.application.ActOnAlert;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;

/**
 * The clinicians' alert queue (highest priority first, then most recently changed), alert detail and actions. Each
 * alert shows whose it is (name, birth date, sex, location, attending): these routes are for clinicians only.
 */
@RestController
class AlertController {

    private static final int MAX_PAGE = 500;

    private final Alerts alerts;
    private final AuditTrail auditTrail;
    private final ActOnAlert actOnAlert;
    private final PatientFiles patients;

    AlertController(Alerts alerts, AuditTrail auditTrail, ActOnAlert actOnAlert, PatientFiles patients) {
        this.alerts = alerts;
        this.auditTrail = auditTrail;
        this.actOnAlert = actOnAlert;
        this.patients = patients;
    }

    /** One alert with its evidence and every transition it went through. */
    @GetMapping("/api/v1/alerts/{alertId}")
    ResponseEntity<?> alert(@PathVariable UUID alertId) {
        return alerts.find(alertId)
                .<ResponseEntity<?>>map(episode -> ResponseEntity.ok(new AlertDetailView(
                        AlertView.of(
                                episode,
                                patients.find(episode.patientId())
                                        .map(PatientFile::details)
                                        .orElse(null)),
                        auditTrail.of(alertId))))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No alert " + alertId));
    }

    /** The clinician has seen the alert and takes charge of it. */
    @PostMapping("/api/v1/alerts/{alertId}/acknowledge")
    ResponseEntity<?> acknowledge(
            @PathVariable UUID alertId,
            @RequestBody(required = false) @Nullable ClinicianNote body,
            Principal clinician) {
        return respond(actOnAlert.acknowledge(alertId, clinician.getName(), body == null ? null : body.note()));
    }

    /** Silences reminders and escalation for {@code minutes} (bounded by {@code toxwatch.alerting.longest-snooze}). */
    @PostMapping("/api/v1/alerts/{alertId}/snooze")
    ResponseEntity<?> snooze(@PathVariable UUID alertId, @RequestBody SnoozeRequest body, Principal clinician) {
        if (body.minutes() == null) {
            return problem(HttpStatus.BAD_REQUEST, "Say for how long: {\"minutes\": 30}");
        }
        return respond(actOnAlert.snooze(
                alertId, clinician.getName(), java.time.Duration.ofMinutes(body.minutes()), body.note()));
    }

    /** Hands the alert to a named clinician. */
    @PostMapping("/api/v1/alerts/{alertId}/assign")
    ResponseEntity<?> assign(@PathVariable UUID alertId, @RequestBody AssignRequest body, Principal clinician) {
        if (body.assignee() == null || body.assignee().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Name the clinician: {\"assignee\": \"...\"}");
        }
        return respond(actOnAlert.assign(alertId, clinician.getName(), body.assignee()));
    }

    record SnoozeRequest(
            @Nullable Integer minutes, @Nullable String note) {}

    record AssignRequest(@Nullable String assignee) {}

    /** The clinician closes the episode and says why. */
    @PostMapping("/api/v1/alerts/{alertId}/resolve")
    ResponseEntity<?> resolve(
            @PathVariable UUID alertId, @RequestBody @Nullable ClinicianNote body, Principal clinician) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "A resolution needs a reason: {\"reason\": \"...\"}");
        }
        return respond(actOnAlert.resolve(alertId, clinician.getName(), body.reason()));
    }

    /** The body of a clinician's action. */
    record ClinicianNote(@Nullable String note, @Nullable String reason) {}

    /** An alert and its audit trail, oldest transition first. */
    record AlertDetailView(AlertView alert, List<AlertChanged> audit) {}

    private static ResponseEntity<?> respond(ActOnAlert.Outcome outcome) {
        return switch (outcome) {
            case ActOnAlert.Outcome.Done done -> ResponseEntity.ok(done.transition());
            case ActOnAlert.Outcome.Refused refused -> problem(HttpStatus.CONFLICT, refused.reason());
            case ActOnAlert.Outcome.NotFound notFound -> problem(HttpStatus.NOT_FOUND, "No such alert");
        };
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(
            @RequestParam(required = false) @Nullable AlertStatus status,
            @RequestParam(required = false) @Nullable String patientId,
            @RequestParam(required = false) @Nullable AlertPriority priority,
            @RequestParam(required = false) @Nullable Criterion criterion,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_PAGE));
        var filter = new AlertFilter(status, patientId, priority, criterion, Math.max(0, page), bounded);
        List<AlertEpisode> episodes = alerts.list(filter);
        var files = patients.findAll(
                episodes.stream().map(AlertEpisode::patientId).distinct().toList());
        return episodes.stream()
                .map(episode -> {
                    var file = files.get(episode.patientId());
                    return AlertView.of(episode, file == null ? null : file.details());
                })
                .toList();
    }
}
