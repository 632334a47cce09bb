package org.toxwatch.ingest.adapter.mongo;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.ingest.application.CodeMappingAudit;

/** The code-mapping audit in the {@code local_code_audit} collection: inserted, never updated. */
public final class MongoCodeMappingAudit implements CodeMappingAudit {

    static final String COLLECTION = "local_code_audit";

    private final MongoTemplate mongo;

    public MongoCodeMappingAudit(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("at", Sort.Direction.DESC).named("newest_first"));
    }

    @Override
    public void record(CodeMappingChange change) {
        mongo.insert(change, COLLECTION);
    }

    @Override
    public List<CodeMappingChange> latest(int limit) {
        return mongo.find(
                new Query().with(Sort.by(Sort.Order.desc("at"))).limit(limit), CodeMappingChange.class, COLLECTION);
    }
}
