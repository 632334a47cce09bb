package org.toxwatch.alerting.patient.adapter.mongo;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.alerting.patient.application.ObservationLog;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.alerting.patient.domain.timeline.TimelineBounds;
import org.toxwatch.platform.InsertsKeepingStored;

/**
 * The observation log in the {@code observations} and {@code therapy_events} collections, keyed by event id: a batch
 * is one bulk insert that keeps what an earlier delivery stored, so redelivery is harmless. Reading applies the
 * {@link TimelineBounds}; a patient's log is trimmed to them when a batch finds, in the patient's extent in {@code
 * timeline_extents} (one document per patient and kind, found by key), that a trim is due. Otherwise a batch writes
 * only what it keeps and, in one more bulk write, the extents. No multi-document transactions.
 */
public final class MongoObservationLog implements ObservationLog {

    private static final String OBSERVED_AT = "observedAt";
    private static final String OCCURRED_AT = "occurredAt";

    private final MongoTemplate mongo;
    private final TimelineBounds bounds;
    private final String observations;
    private final String therapyEvents;

    public MongoObservationLog(MongoTemplate mongo, TimelineBounds bounds) {
        this.mongo = mongo;
        this.bounds = bounds;
        this.observations = mongo.getCollectionName(ObservationDocument.class);
        this.therapyEvents = mongo.getCollectionName(TherapyMilestoneDocument.class);
        mongo.indexOps(ObservationDocument.class)
                .createIndex(new Index()
                        .on("patientId", Sort.Direction.ASC)
                        .on(OBSERVED_AT, Sort.Direction.ASC)
                        .named("patient_time"));
        mongo.indexOps(TherapyMilestoneDocument.class)
                .createIndex(new Index()
                        .on("patientId", Sort.Direction.ASC)
                        .on(OCCURRED_AT, Sort.Direction.ASC)
                        .named("patient_time"));
    }

    @Override
    public void recordObservations(List<ChartedObservation> charted) {
        InsertsKeepingStored.insertAll(
                mongo,
                ObservationDocument.class,
                charted.stream().map(ObservationDocument::from).toList());
        extend(
                ObservationDocument.class,
                observations,
                charted.stream()
                        .collect(groupingBy(
                                ChartedObservation::patientId, mapping(ChartedObservation::observedAt, toList()))),
                OBSERVED_AT,
                ObservationDocument::observedAt);
    }

    @Override
    public void recordTherapy(List<TherapyMilestone> milestones) {
        InsertsKeepingStored.insertAll(
                mongo,
                TherapyMilestoneDocument.class,
                milestones.stream().map(TherapyMilestoneDocument::from).toList());
        extend(
                TherapyMilestoneDocument.class,
                therapyEvents,
                milestones.stream()
                        .collect(groupingBy(
                                TherapyMilestone::patientId, mapping(TherapyMilestone::occurredAt, toList()))),
                OCCURRED_AT,
                TherapyMilestoneDocument::occurredAt);
    }

    @Override
    public PatientObservations of(String patientId) {
        List<ChartedObservation> charted = bounds
                .keep(
                        mongo.find(
                                newestFirst(patientId, OBSERVED_AT).limit(bounds.perPatient()),
                                ObservationDocument.class),
                        ObservationDocument::observedAt)
                .stream()
                .map(ObservationDocument::toDomain)
                .toList();
        List<TherapyMilestone> therapy = bounds
                .keep(
                        mongo.find(
                                newestFirst(patientId, OCCURRED_AT).limit(bounds.perPatient()),
                                TherapyMilestoneDocument.class),
                        TherapyMilestoneDocument::occurredAt)
                .stream()
                .map(TherapyMilestoneDocument::toDomain)
                .toList();
        return PatientObservations.of(charted, therapy);
    }

    /**
     * Counts what was just kept into each patient's extent, in one bulk write, and trims the log of each patient
     * whose extent that makes due.
     */
    private <T> void extend(
            Class<T> type,
            String collection,
            Map<String, List<Instant>> timesByPatient,
            String time,
            Function<T, Instant> timeOf) {
        if (timesByPatient.isEmpty()) {
            return;
        }
        var counting = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LogExtentDocument.class);
        var patientsById = new HashMap<String, String>();
        timesByPatient.forEach((patientId, times) -> {
            String id = LogExtentDocument.idOf(collection, patientId);
            patientsById.put(id, patientId);
            counting.upsert(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update()
                            .inc("entries", (long) times.size())
                            .min("oldest", Collections.min(times))
                            .max("newest", Collections.max(times)));
        });
        counting.execute();
        var extents = mongo.find(Query.query(Criteria.where("_id").in(patientsById.keySet())), LogExtentDocument.class);
        for (var extent : extents) {
            if (bounds.trimDue(extent.toDomain())) {
                trim(type, patientsById.get(extent.id()), time, timeOf, extent);
            }
        }
    }

    /**
     * Drops what is older than the retention before the patient's newest entry, then all but the newest
     * {@code perPatient}, and sets the extent to what is left. Counts written meanwhile by another reader of the
     * same patient are kept (an increment, not a set); an oldest written meanwhile may be overwritten, which only
     * delays the next trim.
     */
    private <T> void trim(
            Class<T> type, String patientId, String time, Function<T, Instant> timeOf, LogExtentDocument counted) {
        T newest = mongo.findOne(newestFirst(patientId, time), type);
        if (newest == null) {
            return;
        }
        mongo.remove(
                Query.query(Criteria.where("patientId")
                        .is(patientId)
                        .and(time)
                        .lt(timeOf.apply(newest).minus(bounds.retention()))),
                type);
        T oldestKept = mongo.findOne(newestFirst(patientId, time).skip(bounds.perPatient() - 1L), type);
        if (oldestKept != null) {
            mongo.remove(
                    Query.query(
                            Criteria.where("patientId").is(patientId).and(time).lt(timeOf.apply(oldestKept))),
                    type);
        }
        long left = mongo.count(Query.query(Criteria.where("patientId").is(patientId)), type);
        T oldest = mongo.findOne(
                Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by(Sort.Order.asc(time))), type);
        var update = new Update().inc("entries", left - counted.entries());
        if (oldest != null) {
            update.set("oldest", timeOf.apply(oldest));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(counted.id())), update, LogExtentDocument.class);
    }

    private static Query newestFirst(String patientId, String time) {
        return Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by(Sort.Order.desc(time)));
    }
}
