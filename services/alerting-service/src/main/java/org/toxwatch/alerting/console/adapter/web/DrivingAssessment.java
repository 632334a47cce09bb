package org.toxwatch.alerting.console.adapter.web;

import java.util.List;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.ToxicityAssessed;

/**
 * The assessment that gave an alert its priority, as kept in the patient's assessment history: what an EHR's view
 * of the alert names first. The episode's latest assessment stands in when the history no longer holds it.
 */
final class DrivingAssessment {

    static ToxicityAssessed of(AlertEpisode episode, AssessmentHistory history) {
        return among(episode, history.of(episode.patientId()));
    }

    static ToxicityAssessed among(AlertEpisode episode, List<ToxicityAssessed> patientHistory) {
        var driver = episode.drivenBy().assessmentEventId();
        if (episode.latest().eventId().equals(driver)) {
            return episode.latest();
        }
        return patientHistory.stream()
                .filter(assessment -> assessment.eventId().equals(driver))
                .findFirst()
                .orElse(episode.latest());
    }

    private DrivingAssessment() {}
}
