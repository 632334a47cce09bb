package org.toxwatch.alerting.adapter.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.toxwatch.alerting.application.RaiseAlerts;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;

/** Reads assessments and hands each to the use case; failures go to the error handler and the DLT. */
public final class AssessmentListener {

    public static final String GROUP = "alerting.assessment-reader";

    private final RaiseAlerts raiseAlerts;

    public AssessmentListener(RaiseAlerts raiseAlerts) {
        this.raiseAlerts = raiseAlerts;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.ASSESSMENTS)
    public void on(ToxicityAssessed assessment) {
        raiseAlerts.on(assessment);
    }
}
