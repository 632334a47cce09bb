package org.toxwatch.alerting.alert.adapter.mongo;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;

/**
 * One audit entry, keyed by the transition's event id so recording it twice keeps one entry.
 *
 * @param sequence the transition's number among its alert's transitions; absent on entries written before
 *     transitions were numbered
 */
@Document(AuditEntryDocument.COLLECTION)
record AuditEntryDocument(
        @Id String id, String alertId, @Nullable Integer sequence, AlertChanged transition) {

    static final String COLLECTION = "alert_audit";

    static AuditEntryDocument from(SequencedTransition transition) {
        return from(transition.sequence(), transition.event());
    }

    static AuditEntryDocument from(@Nullable Integer sequence, AlertChanged transition) {
        return new AuditEntryDocument(
                transition.eventId().toString(), transition.alertId().toString(), sequence, transition);
    }
}
