package org.toxwatch.alerting.notification.adapter.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.toxwatch.alerting.notification.application.NotifySubscribers;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.Topics;

/**
 * Reads every alert transition (at least once, in a group shared by all instances) and queues the webhook
 * deliveries for it; the deliveries' ids make a re-read add nothing.
 */
public final class AlertEventListener {

    public static final String GROUP = "alerting.webhook-dispatcher";

    private final NotifySubscribers notifySubscribers;

    public AlertEventListener(NotifySubscribers notifySubscribers) {
        this.notifySubscribers = notifySubscribers;
    }

    @KafkaListener(
            id = GROUP,
            groupId = GROUP,
            topics = Topics.ALERT_EVENTS,
            properties = "spring.json.value.default.type=org.toxwatch.model.AlertChanged")
    public void on(AlertChanged change) {
        notifySubscribers.on(change);
    }
}
