package org.toxwatch.alerting.adapter.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.application.WebhookSubscriptions;
import org.toxwatch.alerting.domain.WebhookSubscription;

/** Webhook subscriptions in the {@code webhook_subscriptions} collection. */
public final class MongoWebhookSubscriptions implements WebhookSubscriptions {

    private final MongoTemplate mongo;

    public MongoWebhookSubscriptions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public WebhookSubscription save(WebhookSubscription subscription) {
        return mongo.save(WebhookSubscriptionDocument.from(subscription)).toDomain();
    }

    @Override
    public Optional<WebhookSubscription> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), WebhookSubscriptionDocument.class))
                .map(WebhookSubscriptionDocument::toDomain);
    }

    @Override
    public List<WebhookSubscription> all() {
        return mongo.find(new Query().with(Sort.by("createdAt")), WebhookSubscriptionDocument.class).stream()
                .map(WebhookSubscriptionDocument::toDomain)
                .toList();
    }

    @Override
    public List<WebhookSubscription> active() {
        return mongo
                .find(
                        Query.query(Criteria.where("active").is(true)).with(Sort.by("createdAt")),
                        WebhookSubscriptionDocument.class)
                .stream()
                .map(WebhookSubscriptionDocument::toDomain)
                .toList();
    }
}
