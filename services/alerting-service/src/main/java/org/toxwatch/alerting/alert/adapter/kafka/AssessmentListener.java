package org.toxwatch.alerting.alert.adapter.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Reads assessments, keeps each for the patient timeline and hands it to the use case; failures go to the
 * error handler and the DLT. Both steps are idempotent by event id, so a redelivery is harmless.
 */
public final class AssessmentListener {

    public static final String GROUP = "alerting.assessment-reader";

    private final AssessmentHistory history;
    private final RaiseAlerts raiseAlerts;

    public AssessmentListener(AssessmentHistory history, RaiseAlerts raiseAlerts) {
        this.history = history;
        this.raiseAlerts = raiseAlerts;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.ASSESSMENTS)
    public void on(ToxicityAssessed assessment) {
        history.record(assessment);
        raiseAlerts.on(assessment);
    }
}
