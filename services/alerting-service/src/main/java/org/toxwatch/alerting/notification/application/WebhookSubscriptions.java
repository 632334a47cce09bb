package org.toxwatch.alerting.notification.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;

/** Port: the webhook subscriptions, active or not. */
public interface WebhookSubscriptions {

    WebhookSubscription save(WebhookSubscription subscription);

    Optional<WebhookSubscription> find(UUID id);

    List<WebhookSubscription> all();

    default List<WebhookSubscription> active() {
        return all().stream().filter(WebhookSubscription::active).toList();
    }
}
