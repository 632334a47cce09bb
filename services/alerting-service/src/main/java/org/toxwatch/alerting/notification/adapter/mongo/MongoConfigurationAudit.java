package org.toxwatch.alerting.notification.adapter.mongo;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.notification.application.ConfigurationAudit;
import org.toxwatch.alerting.notification.domain.ConfigurationChange;

/** The configuration audit in the {@code configuration_audit} collection: inserted, never updated. */
public final class MongoConfigurationAudit implements ConfigurationAudit {

    private final MongoTemplate mongo;

    public MongoConfigurationAudit(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ConfigurationChangeDocument.class)
                .createIndex(new Index().on("at", Sort.Direction.DESC).named("newest_first"));
    }

    @Override
    public void record(ConfigurationChange change) {
        mongo.insert(ConfigurationChangeDocument.from(change));
    }

    @Override
    public List<ConfigurationChange> latest(int limit) {
        return mongo
                .find(new Query().with(Sort.by(Sort.Order.desc("at"))).limit(limit), ConfigurationChangeDocument.class)
                .stream()
                .map(ConfigurationChangeDocument::toDomain)
                .toList();
    }
}
