package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.platform.InsertsKeepingStored;

/**
 * The transitions an alert document was saved with before they were audited: reading the document writes those the
 * audit trail does not have yet. Every save of an alert is a compare-and-set on a version that was read (or just
 * written with the same transitions), so a document's transitions are in the audit trail before any save can
 * replace them.
 */
final class UnauditedChanges {

    private UnauditedChanges() {}

    /** Audits what the documents keep and the audit trail lacks, with one read when it lacks nothing. */
    static <T extends Collection<AlertDocument>> T audit(MongoTemplate mongo, T documents) {
        List<AuditEntryDocument> kept = documents.stream()
                .flatMap(document -> document.unauditedEntries().stream())
                .toList();
        if (kept.isEmpty()) {
            return documents;
        }
        var ids = kept.stream().map(AuditEntryDocument::id).toList();
        var query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        var audited = new HashSet<String>();
        mongo.find(query, Document.class, AuditEntryDocument.COLLECTION)
                .forEach(entry -> audited.add(String.valueOf(entry.get("_id"))));
        // Another reader may audit some of them first; the insert keeps those.
        InsertsKeepingStored.insertAll(
                mongo,
                AuditEntryDocument.class,
                kept.stream().filter(entry -> !audited.contains(entry.id())).toList());
        return documents;
    }
}
