package org.toxwatch.alerting.patient.adapter.mongo;

import static java.util.stream.Collectors.groupingBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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

/**
 * The observation log in the {@code observations} and {@code therapy_events} collections: an upsert by event id,
 * so redelivery is harmless. Reading applies the {@link TimelineBounds}; the log is trimmed to them when a write
 * finds, in the patient's extent in {@code timeline_extents} (one document per patient and kind, found by key), that
 * a trim is due. Every other write touches only the documents it keeps and that one. Single-document writes only.
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
    public void record(List<ChartedObservation> charted) {
        charted.stream().collect(groupingBy(ChartedObservation::patientId)).forEach((patientId, ofPatient) -> {
            ofPatient.forEach(observation -> mongo.save(ObservationDocument.from(observation)));
            var times = ofPatient.stream().map(ChartedObservation::observedAt).toList();
            extend(
                    ObservationDocument.class,
                    observations,
                    patientId,
                    times,
                    OBSERVED_AT,
                    ObservationDocument::observedAt);
        });
    }

    @Override
    public void record(TherapyMilestone milestone) {
        mongo.save(TherapyMilestoneDocument.from(milestone));
        extend(
                TherapyMilestoneDocument.class,
                therapyEvents,
                milestone.patientId(),
                List.of(milestone.occurredAt()),
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

    /** Counts what was just kept into the patient's extent, and trims the patient's log if that makes one due. */
    private <T> void extend(
            Class<T> type,
            String collection,
            String patientId,
            List<Instant> times,
            String time,
            Function<T, Instant> timeOf) {
        String id = LogExtentDocument.idOf(collection, patientId);
        var extent = Objects.requireNonNull(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .inc("entries", (long) times.size())
                        .min(
                                "oldest",
                                times.stream().min(Comparator.naturalOrder()).orElseThrow())
                        .max(
                                "newest",
                                times.stream().max(Comparator.naturalOrder()).orElseThrow()),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                LogExtentDocument.class));
        if (bounds.trimDue(extent.toDomain())) {
            trim(type, patientId, time, timeOf, extent);
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
