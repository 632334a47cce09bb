package org.toxwatch.alerting.alert.adapter.mongo;

import com.mongodb.MongoBulkWriteException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.EpisodeKey;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.ToxicityFamily;

/** Alert episodes in the {@code alerts} collection. Indexes are created when the adapter starts. */
public final class MongoAlerts implements Alerts {

    private static final Logger log = LoggerFactory.getLogger(MongoAlerts.class);
    private static final String OPEN_KEY = "openKey";
    private static final int SWEEP_BATCH = 100;

    private final MongoTemplate mongo;

    public MongoAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
        keyOpenEpisodes();
    }

    @Override
    public Optional<AlertEpisode> findUnresolved(String patientId, ToxicityFamily family) {
        var query = Query.query(Criteria.where(OPEN_KEY).is(AlertDocument.openKey(patientId, family)));
        return one(mongo.findOne(query, AlertDocument.class));
    }

    /** One keyed read for a whole batch of assessments. */
    @Override
    public Map<EpisodeKey, AlertEpisode> findUnresolved(Collection<EpisodeKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var openKeys = keys.stream()
                .map(key -> AlertDocument.openKey(key.patientId(), key.family()))
                .distinct()
                .toList();
        var found = new HashMap<EpisodeKey, AlertEpisode>();
        for (AlertDocument document : UnauditedChanges.audit(
                mongo, mongo.find(Query.query(Criteria.where(OPEN_KEY).in(openKeys)), AlertDocument.class))) {
            var episode = document.toDomain();
            found.put(new EpisodeKey(episode.patientId(), episode.family()), episode);
        }
        return found;
    }

    @Override
    public Optional<AlertEpisode> findHandling(String patientId, ToxicityFamily family, UUID assessmentEventId) {
        var query = Query.query(Criteria.where("patientId")
                .is(patientId)
                .and("family")
                .is(family)
                .and("handledAssessments")
                .is(assessmentEventId.toString()));
        return one(mongo.findOne(query, AlertDocument.class));
    }

    @Override
    public Optional<AlertEpisode> find(UUID alertId) {
        return one(mongo.findById(alertId.toString(), AlertDocument.class));
    }

    @Override
    public AlertEpisode save(AlertEpisode episode) {
        return save(episode, List.of());
    }

    @Override
    public AlertEpisode save(AlertEpisode episode, List<SequencedTransition> unaudited) {
        try {
            return mongo.save(AlertDocument.from(episode, unaudited)).toDomain();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentAlertUpdate("alert " + episode.alertId() + " changed concurrently", e);
        }
    }

    /**
     * One unordered bulk write: a new episode inserted, a stored one replaced only if its version is still the one it
     * was read with, as {@link #save} does. When not every one matched, those whose write landed are found by reading
     * them back: they have handled every assessment the batch applied to them, which no other writer adds.
     */
    @Override
    public Stored saveAll(List<Saving> savings) {
        if (savings.isEmpty()) {
            return new Stored(Map.of(), null);
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AlertDocument.class);
        var written = new LinkedHashMap<String, AlertDocument>();
        int replaced = 0;
        for (Saving saving : savings) {
            Long version = saving.episode().version();
            var document = AlertDocument.from(saving.episode(), saving.unaudited());
            if (version == null) {
                document = document.withVersion(0L);
                bulk.insert(document);
            } else {
                document = document.withVersion(version + 1);
                bulk.replaceOne(
                        Query.query(Criteria.where("_id")
                                .is(document.id())
                                .and("version")
                                .is(version)),
                        document);
                replaced++;
            }
            written.put(document.id(), document);
        }
        RuntimeException failure;
        try {
            var result = bulk.execute();
            if (result.getMatchedCount() == replaced && result.getInsertedCount() == savings.size() - replaced) {
                var stored = new LinkedHashMap<UUID, AlertEpisode>();
                written.values().forEach(document -> stored.put(UUID.fromString(document.id()), document.toDomain()));
                return new Stored(stored, null);
            }
            failure = new ConcurrentAlertUpdate(
                    "alerts of the batch changed concurrently",
                    new OptimisticLockingFailureException(
                            (replaced - result.getMatchedCount()) + " of " + replaced + " versions no longer matched"));
        } catch (DuplicateKeyException | BulkOperationException | MongoBulkWriteException e) {
            // Not kept as the cause: its message quotes the keys that clashed, and the open key holds the patient id.
            failure = new ConcurrentAlertUpdate(
                    "an alert of the batch was stored concurrently or refused",
                    new OptimisticLockingFailureException("bulk write of " + savings.size() + " alerts refused: "
                            + e.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            failure = e;
        }
        return new Stored(landed(written), failure);
    }

    private Map<UUID, AlertEpisode> landed(Map<String, AlertDocument> written) {
        var landed = new LinkedHashMap<UUID, AlertEpisode>();
        var query = Query.query(Criteria.where("_id").in(written.keySet()));
        for (AlertDocument stored : mongo.find(query, AlertDocument.class)) {
            var mine = written.get(stored.id());
            if (mine != null && stored.handledAssessments().containsAll(mine.handledAssessments())) {
                landed.put(UUID.fromString(mine.id()), mine.toDomain());
            }
        }
        return landed;
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
        return UnauditedChanges.audit(mongo, mongo.find(query, AlertDocument.class)).stream()
                .map(AlertDocument::toDomain)
                .toList();
    }

    /**
     * The ids in one unordered query, then the episodes by id, a batch at a time. On the embedded store every query
     * scans the collection under its lock, and a query's whole result waits in its cursor until it is read to the
     * end: a page at a time in queue order scanned and sorted the collection once per thousand alerts, and one
     * query for the episodes themselves held all of them in the store for as long as the pass took. An episode
     * that left the status meanwhile is not handed over.
     */
    @Override
    public void eachIn(AlertStatus status, Consumer<AlertEpisode> action) {
        var inStatus = Query.query(Criteria.where("status").is(status));
        inStatus.fields().include("_id");
        List<String> ids =
                mongo.find(inStatus, org.bson.Document.class, mongo.getCollectionName(AlertDocument.class)).stream()
                        .map(document -> document.getString("_id"))
                        .toList();
        for (int from = 0; from < ids.size(); from += SWEEP_BATCH) {
            // By id alone: with another condition beside it the embedded store no longer looks the ids up by index.
            var batch =
                    Query.query(Criteria.where("_id").in(ids.subList(from, Math.min(from + SWEEP_BATCH, ids.size()))));
            UnauditedChanges.audit(mongo, mongo.find(batch, AlertDocument.class)).stream()
                    .filter(document -> document.status() == status)
                    .forEach(document -> action.accept(document.toDomain()));
        }
    }

    /** A document read, its unaudited transitions audited first. */
    private Optional<AlertEpisode> one(@Nullable AlertDocument document) {
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(
                UnauditedChanges.audit(mongo, List.of(document)).getFirst().toDomain());
    }

    private void createIndexes() {
        var indexes = mongo.indexOps(AlertDocument.class);
        indexes.createIndex(
                new Index().on(OPEN_KEY, Sort.Direction.ASC).unique().sparse().named("open_episode"));
        // save's compare-and-set asks for {_id, version}; the embedded store looks that up through an index of exactly
        // those fields only, and reads every alert without it.
        indexes.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique()
                .named("id_version"));
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

    /** Unresolved episodes stored before they carried their open key get it once, at start-up. */
    private void keyOpenEpisodes() {
        var unkeyed = Query.query(
                Criteria.where("status").ne(AlertStatus.RESOLVED).and(OPEN_KEY).exists(false));
        for (AlertDocument document : mongo.find(unkeyed, AlertDocument.class)) {
            try {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(document.id())),
                        Update.update(OPEN_KEY, AlertDocument.openKey(document.patientId(), document.family())),
                        AlertDocument.class);
            } catch (DuplicateKeyException e) {
                // The message would quote the key, which holds the patient id.
                log.warn(
                        "Alert {} is a second unresolved episode of its patient and family; left unkeyed",
                        document.id());
            }
        }
    }
}
