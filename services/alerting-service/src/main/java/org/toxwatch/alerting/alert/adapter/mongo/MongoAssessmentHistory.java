package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.platform.InsertsKeepingStored;

/** The assessments in the {@code assessments} collection, keyed by event id, so redelivery is harmless. */
public final class MongoAssessmentHistory implements AssessmentHistory {

    /** The most a timeline shows; a patient's course produces far fewer assessments than this. */
    static final int LONGEST_TIMELINE = 5_000;

    private final MongoTemplate mongo;

    public MongoAssessmentHistory(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AssessmentDocument.class)
                .createIndex(new Index()
                        .on("patientId", Sort.Direction.ASC)
                        .on("assessedAt", Sort.Direction.ASC)
                        .named("patient_time"));
    }

    @Override
    public void record(ToxicityAssessed assessment) {
        recordAll(List.of(assessment));
    }

    /** One bulk insert for a batch; an assessment stored already, by an earlier delivery, is kept. */
    @Override
    public void recordAll(List<ToxicityAssessed> assessments) {
        InsertsKeepingStored.insertAll(
                mongo,
                AssessmentDocument.class,
                assessments.stream().map(AssessmentDocument::from).toList());
    }

    @Override
    public List<ToxicityAssessed> of(String patientId) {
        var query = Query.query(Criteria.where("patientId").is(patientId))
                .with(Sort.by(Sort.Order.asc("assessedAt")))
                .limit(LONGEST_TIMELINE);
        return mongo.find(query, AssessmentDocument.class).stream()
                .map(AssessmentDocument::assessment)
                .toList();
    }
}
