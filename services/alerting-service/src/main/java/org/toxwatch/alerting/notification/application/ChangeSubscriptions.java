package org.toxwatch.alerting.notification.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.alerting.notification.domain.ConfigurationChange;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/** Use case: an operator subscribes or unsubscribes; each change is saved and audited with who made it. */
public final class ChangeSubscriptions {

    private final WebhookSubscriptions subscriptions;
    private final ConfigurationAudit audit;
    private final Clock clock;

    public ChangeSubscriptions(WebhookSubscriptions subscriptions, ConfigurationAudit audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    public WebhookSubscription subscribe(WebhookSubscription subscription, String actor) {
        var saved = subscriptions.save(subscription);
        audit.record(change(actor, saved, "created", Map.of()));
        return saved;
    }

    /** Deactivates the subscription; its delivery log stays. Empty when there is no such subscription. */
    public Optional<WebhookSubscription> unsubscribe(UUID id, String actor) {
        return subscriptions.find(id).map(before -> {
            var after = subscriptions.save(before.deactivated());
            audit.record(change(actor, after, "deactivated", before.auditedSettings()));
            return after;
        });
    }

    private ConfigurationChange change(
            String actor, WebhookSubscription after, String action, Map<String, String> before) {
        return new ConfigurationChange(
                UUID.randomUUID(),
                clock.instant(),
                actor,
                "webhook-subscription/" + after.id(),
                action,
                before,
                after.auditedSettings());
    }
}
