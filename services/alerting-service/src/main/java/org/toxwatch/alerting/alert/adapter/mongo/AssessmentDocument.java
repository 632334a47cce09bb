package org.toxwatch.alerting.alert.adapter.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.model.ToxicityAssessed;

/** One received assessment, keyed by its event id so a redelivery overwrites it with itself. */
@Document("assessments")
record AssessmentDocument(@Id String id, String patientId, Instant assessedAt, ToxicityAssessed assessment) {

    static AssessmentDocument from(ToxicityAssessed assessment) {
        return new AssessmentDocument(
                assessment.eventId().toString(), assessment.patientId(), assessment.assessedAt(), assessment);
    }
}
