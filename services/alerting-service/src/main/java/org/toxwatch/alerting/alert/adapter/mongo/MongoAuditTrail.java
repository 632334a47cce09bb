package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.model.AlertChanged;

/** The audit trail in the {@code alert_audit} collection: insert-or-keep by event id, never updated. */
public final class MongoAuditTrail implements AuditTrail {

    private final MongoTemplate mongo;

    public MongoAuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AuditEntryDocument.class)
                .createIndex(new Index()
                        .on("alertId", Sort.Direction.ASC)
                        .on("transition.occurredAt", Sort.Direction.ASC)
                        .named("alert_time"));
    }

    @Override
    public void record(AlertChanged transition) {
        mongo.save(AuditEntryDocument.from(transition));
    }

    /** One bulk write, each entry replacing itself by its event id as {@link #record} does. */
    @Override
    public void recordAll(List<AlertChanged> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntryDocument.class);
        for (AlertChanged transition : transitions) {
            var entry = AuditEntryDocument.from(transition);
            bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(entry.id())),
                    entry,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    /** Includes the transitions the alert was saved with and that are not audited yet, writing them first. */
    @Override
    public List<AlertChanged> of(UUID alertId) {
        var alert = mongo.findById(alertId.toString(), AlertDocument.class);
        if (alert != null) {
            UnauditedChanges.audit(mongo, List.of(alert));
        }
        var query = Query.query(Criteria.where("alertId").is(alertId.toString()))
                .with(Sort.by(Sort.Order.asc("transition.occurredAt")));
        return mongo.find(query, AuditEntryDocument.class).stream()
                .map(AuditEntryDocument::transition)
                .toList();
    }
}
