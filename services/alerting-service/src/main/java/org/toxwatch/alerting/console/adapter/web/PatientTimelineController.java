package org.toxwatch.alerting.console.adapter.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.patient.application.ObservationLog;

/**
 * A patient's course for the console: the timeline (assessments, every observation received, therapy events, axes)
 * and the observation log as it stands.
 */
@RestController
class PatientTimelineController {

    private final AssessmentHistory history;
    private final ObservationLog observations;
    private final ZoneId hospitalZone;

    PatientTimelineController(AssessmentHistory history, ObservationLog observations, ZoneId hospitalZone) {
        this.history = history;
        this.observations = observations;
        this.hospitalZone = hospitalZone;
    }

    @GetMapping("/api/v1/patients/{patientId}/timeline")
    PatientTimelineView timeline(@PathVariable String patientId) {
        return PatientTimelineView.of(patientId, history.of(patientId), observations.of(patientId), hospitalZone);
    }

    @GetMapping("/api/v1/patients/{patientId}/observations")
    PatientObservationsView observations(@PathVariable String patientId) {
        return PatientObservationsView.of(patientId, observations.of(patientId));
    }
}
