package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
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

    @Override
    public List<AlertChanged> of(UUID alertId) {
        var query = Query.query(Criteria.where("alertId").is(alertId.toString()))
                .with(Sort.by(Sort.Order.asc("transition.occurredAt")));
        return mongo.find(query, AuditEntryDocument.class).stream()
                .map(AuditEntryDocument::transition)
                .toList();
    }
}
