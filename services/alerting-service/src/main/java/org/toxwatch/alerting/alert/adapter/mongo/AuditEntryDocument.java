package org.toxwatch.alerting.alert.adapter.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.model.AlertChanged;

/** One audit entry, keyed by the transition's event id so recording it twice keeps one entry. */
@Document(AuditEntryDocument.COLLECTION)
record AuditEntryDocument(@Id String id, String alertId, AlertChanged transition) {

    static final String COLLECTION = "alert_audit";

    static AuditEntryDocument from(AlertChanged transition) {
        return new AuditEntryDocument(
                transition.eventId().toString(), transition.alertId().toString(), transition);
    }
}
