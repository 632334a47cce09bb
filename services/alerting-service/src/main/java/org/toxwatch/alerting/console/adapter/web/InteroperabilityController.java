package org.toxwatch.alerting.console.adapter.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityAssessed;

/** Alerts for EHR integrations: a FHIR R4 DetectedIssue per alert, CDS Hooks cards per alert and per patient. */
@RestController
class InteroperabilityController {

    private static final int MOST_CARDS = 50;

    private final Alerts alerts;
    private final AuditTrail auditTrail;
    private final AssessmentHistory history;

    InteroperabilityController(Alerts alerts, AuditTrail auditTrail, AssessmentHistory history) {
        this.alerts = alerts;
        this.auditTrail = auditTrail;
        this.history = history;
    }

    @GetMapping(
            path = "/api/v1/alerts/{alertId}/fhir",
            produces = {FhirDetectedIssue.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> detectedIssue(@PathVariable UUID alertId) {
        return alerts.find(alertId)
                .<ResponseEntity<?>>map(episode -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(FhirDetectedIssue.MEDIA_TYPE))
                        .body(FhirDetectedIssue.of(
                                episode, DrivingAssessment.of(episode, history), auditTrail.of(alertId))))
                .orElseGet(() -> notFound(alertId));
    }

    /** One alert as a CDS Hooks response: {@code {"cards": [...]}}. */
    @GetMapping("/api/v1/alerts/{alertId}/cds-card")
    ResponseEntity<?> card(@PathVariable UUID alertId) {
        return alerts.find(alertId)
                .<ResponseEntity<?>>map(
                        episode -> ResponseEntity.ok(cards(List.of(episode), history.of(episode.patientId()))))
                .orElseGet(() -> notFound(alertId));
    }

    /** A patient's unresolved alerts as CDS Hooks cards, highest priority first: what a patient-view hook shows. */
    @GetMapping("/api/v1/patients/{patientId}/cds-cards")
    Map<String, Object> patientCards(@PathVariable String patientId) {
        var unresolved = new ArrayList<AlertEpisode>();
        for (AlertStatus status : List.of(AlertStatus.OPEN, AlertStatus.SNOOZED, AlertStatus.ACKNOWLEDGED)) {
            unresolved.addAll(alerts.list(status, patientId, MOST_CARDS));
        }
        unresolved.sort(Comparator.comparing(AlertEpisode::priority));
        return cards(unresolved, unresolved.isEmpty() ? List.of() : history.of(patientId));
    }

    private static Map<String, Object> cards(List<AlertEpisode> episodes, List<ToxicityAssessed> patientHistory) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return Map.of(
                "cards",
                episodes.stream()
                        .map(e -> CdsHooksCard.of(e, DrivingAssessment.among(e, patientHistory), base))
                        .toList());
    }

    private static ResponseEntity<?> notFound(UUID alertId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No alert " + alertId));
    }
}
