package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.platform.InsertsKeepingStored;

/**
 * The audit trail in the {@code alert_audit} collection: insert-or-keep by event id, never updated. An alert's
 * entries are read in the order of their transitions' numbers; entries written before transitions were numbered have
 * none, which sorts first, so they come first, by their instant: every later transition of the alert is numbered.
 */
public final class MongoAuditTrail implements AuditTrail {

    private static final String SEQUENCE = "sequence";
    private static final String OCCURRED_AT = "transition.occurredAt";
    /** The index by instant alone, which left transitions sharing a millisecond in the store's order. */
    private static final String INDEX_BY_TIME = "alert_time";

    private final MongoTemplate mongo;

    public MongoAuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(AuditEntryDocument.class);
        indexes.createIndex(new Index()
                .on("alertId", Sort.Direction.ASC)
                .on(SEQUENCE, Sort.Direction.ASC)
                .on(OCCURRED_AT, Sort.Direction.ASC)
                .named("alert_sequence"));
        dropIndexByTime(indexes);
    }

    /** Another instance starting beside this one may drop it first, which is as good. */
    private static void dropIndexByTime(IndexOperations indexes) {
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals(INDEX_BY_TIME))) {
            try {
                indexes.dropIndex(INDEX_BY_TIME);
            } catch (DataAccessException e) {
                if (indexes.getIndexInfo().stream()
                        .anyMatch(index -> index.getName().equals(INDEX_BY_TIME))) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void record(SequencedTransition transition) {
        recordAll(List.of(transition));
    }

    /** One bulk insert; an entry stored already, by an earlier delivery of its batch, is kept. */
    @Override
    public void recordAll(List<SequencedTransition> transitions) {
        InsertsKeepingStored.insertAll(
                mongo,
                AuditEntryDocument.class,
                transitions.stream().map(AuditEntryDocument::from).toList());
    }

    /** Includes the transitions the alert was saved with and that are not audited yet, writing them first. */
    @Override
    public List<AlertChanged> of(UUID alertId) {
        var alert = mongo.findById(alertId.toString(), AlertDocument.class);
        if (alert != null) {
            UnauditedChanges.audit(mongo, List.of(alert));
        }
        var query = Query.query(Criteria.where("alertId").is(alertId.toString()))
                .with(Sort.by(Sort.Order.asc(SEQUENCE), Sort.Order.asc(OCCURRED_AT)));
        return mongo.find(query, AuditEntryDocument.class).stream()
                .map(AuditEntryDocument::transition)
                .toList();
    }
}
