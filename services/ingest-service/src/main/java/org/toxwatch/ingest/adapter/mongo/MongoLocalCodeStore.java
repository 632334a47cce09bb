package org.toxwatch.ingest.adapter.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.ingest.application.MapLocalCode;
import org.toxwatch.ingest.domain.LocalCodes;

/**
 * Run-time local-code mappings in MongoDB, one document per sender and code. Loaded into the live map at
 * start and every minute after, so a mapping made on one instance reaches the others.
 */
public final class MongoLocalCodeStore implements MapLocalCode.LocalCodeStore {

    static final String COLLECTION = "local_code_mappings";

    private final MongoTemplate mongo;
    private final LocalCodes localCodes;

    public MongoLocalCodeStore(MongoTemplate mongo, LocalCodes localCodes) {
        this.mongo = mongo;
        this.localCodes = localCodes;
        load();
    }

    @Override
    public void save(String sender, String localCode, String loinc) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(sender + "\n" + localCode)),
                new Update().set("sender", sender).set("localCode", localCode).set("loinc", loinc),
                COLLECTION);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void load() {
        for (Document mapping : mongo.findAll(Document.class, COLLECTION)) {
            localCodes.map(mapping.getString("sender"), mapping.getString("localCode"), mapping.getString("loinc"));
        }
    }
}
