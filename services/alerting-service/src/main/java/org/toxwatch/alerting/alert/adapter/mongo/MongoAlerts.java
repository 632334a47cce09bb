package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityFamily;

/** Alert episodes in the {@code alerts} collection. Indexes are created when the adapter starts. */
public final class MongoAlerts implements Alerts {

    private final MongoTemplate mongo;

    public MongoAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    @Override
    public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
        var query = Query.query(Criteria.where("patientId")
                .is(patientId)
                .and("family")
                .is(family)
                .and("status")
                .ne(AlertStatus.RESOLVED));
        return Optional.ofNullable(mongo.findOne(query, AlertDocument.class)).map(AlertDocument::toDomain);
    }

    @Override
    public Optional<AlertEpisode> findHandling(String patientId, ToxicityFamily family, UUID assessmentEventId) {
        var query = Query.query(Criteria.where("patientId")
                .is(patientId)
                .and("family")
                .is(family)
                .and("handledAssessments")
                .is(assessmentEventId.toString()));
        return Optional.ofNullable(mongo.findOne(query, AlertDocument.class)).map(AlertDocument::toDomain);
    }

    @Override
    public Optional<AlertEpisode> find(UUID alertId) {
        return Optional.ofNullable(mongo.findById(alertId.toString(), AlertDocument.class))
                .map(AlertDocument::toDomain);
    }

    @Override
    public AlertEpisode save(AlertEpisode episode) {
        try {
            return mongo.save(AlertDocument.from(episode)).toDomain();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentAlertUpdate("alert " + episode.alertId() + " changed concurrently", e);
        }
    }

    @Override
    public List<AlertEpisode> list(AlertFilter filter) {
        var criteria = new Criteria();
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.patientId() != null) {
            criteria = criteria.and("patientId").is(filter.patientId());
        }
        if (filter.priority() != null) {
            criteria = criteria.and("priority").is(filter.priority());
        }
        if (filter.criterion() != null) {
            criteria = criteria.and("latest.criterion").is(filter.criterion());
        }
        var query = Query.query(criteria)
                .with(Sort.by(Sort.Order.asc("priorityRank"), Sort.Order.desc("updatedAt")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo.find(query, AlertDocument.class).stream()
                .map(AlertDocument::toDomain)
                .toList();
    }

    private void createIndexes() {
        var indexes = mongo.indexOps(AlertDocument.class);
        indexes.createIndex(new Index()
                .on("patientId", Sort.Direction.ASC)
                .on("family", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .named("patient_family_status"));
        indexes.createIndex(new Index()
                .on("priorityRank", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.DESC)
                .named("queue_order"));
    }
}
