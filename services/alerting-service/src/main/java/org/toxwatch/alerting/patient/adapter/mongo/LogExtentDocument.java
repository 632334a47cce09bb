package org.toxwatch.alerting.patient.adapter.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.patient.domain.timeline.TimelineBounds.Extent;

/**
 * The extent of one patient's log of one kind, keyed by the kind's collection and the patient, so that a write
 * learns it by key, without a scan.
 */
@Document("timeline_extents")
record LogExtentDocument(@Id String id, long entries, Instant oldest, Instant newest) {

    static String idOf(String collection, String patientId) {
        return collection + "/" + patientId;
    }

    Extent toDomain() {
        return new Extent(entries, oldest, newest);
    }
}
