package org.toxwatch.alerting.patient.adapter.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.patient.application.ObservationLog;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;

/**
 * The observation log in the {@code observations} and {@code therapy_events} collections: an upsert by event id,
 * so redelivery is harmless. Each write keeps the patient's log bounded: at most {@code perPatient} entries of
 * each kind (the newest by clinical time) and none more than {@code retention} older than the one written.
 * Single-document writes only.
 */
public final class MongoObservationLog implements ObservationLog {

    private final MongoTemplate mongo;
    private final int perPatient;
    private final Duration retention;

    public MongoObservationLog(MongoTemplate mongo, int perPatient, Duration retention) {
        this.mongo = mongo;
        this.perPatient = perPatient;
        this.retention = retention;
        mongo.indexOps(ObservationDocument.class)
                .createIndex(new Index()
                        .on("patientId", Sort.Direction.ASC)
                        .on("observedAt", Sort.Direction.ASC)
                        .named("patient_time"));
        mongo.indexOps(TherapyMilestoneDocument.class)
                .createIndex(new Index()
                        .on("patientId", Sort.Direction.ASC)
                        .on("occurredAt", Sort.Direction.ASC)
                        .named("patient_time"));
    }

    @Override
    public void record(ChartedObservation observation) {
        mongo.save(ObservationDocument.from(observation));
        bound(
                ObservationDocument.class,
                observation.patientId(),
                "observedAt",
                observation.observedAt(),
                ObservationDocument::observedAt);
    }

    @Override
    public void record(TherapyMilestone milestone) {
        mongo.save(TherapyMilestoneDocument.from(milestone));
        bound(
                TherapyMilestoneDocument.class,
                milestone.patientId(),
                "occurredAt",
                milestone.occurredAt(),
                TherapyMilestoneDocument::occurredAt);
    }

    @Override
    public PatientObservations of(String patientId) {
        List<ChartedObservation> observations =
                mongo.find(newestFirst(patientId, "observedAt").limit(perPatient), ObservationDocument.class).stream()
                        .map(ObservationDocument::toDomain)
                        .toList();
        List<TherapyMilestone> therapy =
                mongo
                        .find(newestFirst(patientId, "occurredAt").limit(perPatient), TherapyMilestoneDocument.class)
                        .stream()
                        .map(TherapyMilestoneDocument::toDomain)
                        .toList();
        return PatientObservations.of(observations, therapy);
    }

    /** Drops what is older than the retention before {@code written}, then all but the newest per patient. */
    private <T> void bound(Class<T> type, String patientId, String time, Instant written, Function<T, Instant> timeOf) {
        mongo.remove(
                Query.query(Criteria.where("patientId").is(patientId).and(time).lt(written.minus(retention))), type);
        T oldestKept = mongo.findOne(newestFirst(patientId, time).skip(perPatient - 1L), type);
        if (oldestKept != null) {
            mongo.remove(
                    Query.query(
                            Criteria.where("patientId").is(patientId).and(time).lt(timeOf.apply(oldestKept))),
                    type);
        }
    }

    private static Query newestFirst(String patientId, String time) {
        return Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by(Sort.Order.desc(time)));
    }
}
