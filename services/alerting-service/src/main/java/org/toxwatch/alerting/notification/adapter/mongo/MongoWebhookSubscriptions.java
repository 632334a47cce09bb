package org.toxwatch.alerting.notification.adapter.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.notification.application.WebhookSubscriptions;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/** Webhook subscriptions in the {@code webhook_subscriptions} collection, their secrets sealed. */
public final class MongoWebhookSubscriptions implements WebhookSubscriptions {

    private final MongoTemplate mongo;
    private final SecretSealer sealer;

    public MongoWebhookSubscriptions(MongoTemplate mongo, SecretSealer sealer) {
        this.mongo = mongo;
        this.sealer = sealer;
    }

    @Override
    public WebhookSubscription save(WebhookSubscription subscription) {
        return mongo.save(WebhookSubscriptionDocument.from(subscription, sealer))
                .toDomain(sealer);
    }

    /**
     * Seals every secret stored in plain text or with an older key, with the key that seals now; run at start-up,
     * so after a rotation the old key can leave the ring once this has run. A secret sealed with a key the ring
     * does not hold stops it with {@link SecretSealer.UnknownKeyException}: nothing could sign for it.
     *
     * @return how many subscriptions were rewritten
     */
    public int reseal() {
        int resealed = 0;
        for (var document : mongo.findAll(WebhookSubscriptionDocument.class)) {
            if (document.needsSealingWith(sealer)) {
                mongo.save(WebhookSubscriptionDocument.from(document.toDomain(sealer), sealer));
                resealed++;
            }
        }
        return resealed;
    }

    @Override
    public Optional<WebhookSubscription> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), WebhookSubscriptionDocument.class))
                .map(document -> document.toDomain(sealer));
    }

    @Override
    public List<WebhookSubscription> all() {
        return mongo.find(new Query().with(Sort.by("createdAt")), WebhookSubscriptionDocument.class).stream()
                .map(document -> document.toDomain(sealer))
                .toList();
    }

    @Override
    public List<WebhookSubscription> active() {
        return mongo
                .find(
                        Query.query(Criteria.where("active").is(true)).with(Sort.by("createdAt")),
                        WebhookSubscriptionDocument.class)
                .stream()
                .map(document -> document.toDomain(sealer))
                .toList();
    }
}
