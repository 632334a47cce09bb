package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.model.ToxicityAssessed;

/** The assessments in the {@code assessments} collection: an upsert by event id, so redelivery is harmless. */
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
        mongo.save(AssessmentDocument.from(assessment));
    }

    /** One bulk write for a batch, each assessment replacing itself by its id as {@link #record} does. */
    @Override
    public void recordAll(List<ToxicityAssessed> assessments) {
        if (assessments.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AssessmentDocument.class);
        for (ToxicityAssessed assessment : assessments) {
            var document = AssessmentDocument.from(assessment);
            bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(document.id())),
                    document,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
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
