package org.toxwatch.alerting.adapter.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.application.AssessmentHistory;

/** A patient's assessments over time, with the observations behind them, for the console's timeline. */
@RestController
class PatientTimelineController {

    private final AssessmentHistory history;

    PatientTimelineController(AssessmentHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/patients/{patientId}/timeline")
    PatientTimelineView timeline(@PathVariable String patientId) {
        return PatientTimelineView.of(patientId, history.of(patientId));
    }
}
