package org.toxwatch.alerting.notification.adapter.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.toxwatch.alerting.notification.application.WebhookDeliveries;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;

/**
 * The delivery log in {@code webhook_deliveries}. Queueing is an insert that a duplicate id refuses; claiming is
 * one atomic find-and-modify per delivery that moves its next attempt past the lease; both single-document.
 */
public final class MongoWebhookDeliveries implements WebhookDeliveries {

    private final MongoTemplate mongo;

    public MongoWebhookDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(WebhookDeliveryDocument.class);
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC)
                .named("due"));
        indexes.createIndex(new Index()
                .on("subscriptionId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC)
                .named("subscription_log"));
    }

    @Override
    public boolean enqueue(WebhookDelivery delivery) {
        try {
            mongo.insert(WebhookDeliveryDocument.from(delivery));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Duration lease, int limit) {
        var claimed = new ArrayList<WebhookDelivery>();
        var due = Query.query(Criteria.where("status")
                        .is(DeliveryStatus.PENDING)
                        .and("nextAttemptAt")
                        .lte(now))
                .with(Sort.by("nextAttemptAt", "change.occurredAt"));
        var claim = new Update().set("nextAttemptAt", now.plus(lease)).inc("version", 1);
        while (claimed.size() < limit) {
            var document = mongo.findAndModify(
                    due, claim, FindAndModifyOptions.options().returnNew(true), WebhookDeliveryDocument.class);
            if (document == null) {
                break;
            }
            claimed.add(document.toDomain());
        }
        return claimed;
    }

    @Override
    public WebhookDelivery save(WebhookDelivery delivery) {
        try {
            return mongo.save(WebhookDeliveryDocument.from(delivery)).toDomain();
        } catch (OptimisticLockingFailureException e) {
            throw new IllegalStateException("delivery " + delivery.deliveryId() + " changed concurrently", e);
        }
    }

    @Override
    public List<WebhookDelivery> of(UUID subscriptionId, int limit) {
        var query = Query.query(Criteria.where("subscriptionId").is(subscriptionId.toString()))
                .with(Sort.by(Sort.Order.desc("createdAt")))
                .limit(limit);
        return mongo.find(query, WebhookDeliveryDocument.class).stream()
                .map(WebhookDeliveryDocument::toDomain)
                .toList();
    }
}
