package org.toxwatch.alerting.notification.adapter.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.toxwatch.alerting.notification.application.DeliverWebhooks;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;

/**
 * Sends due webhook and e-mail deliveries every {@code toxwatch.alerting.webhooks.check} (default 2 s) and counts them:
 * {@code toxwatch.notifications.deliveries{channel,outcome}} for every attempt and
 * {@code toxwatch.notifications.delivery.failures{channel,outcome}} for the failed ones (retrying or given up).
 * Tags are bounded; never a patient id or a URL.
 */
public final class WebhookScheduler {

    private final DeliverWebhooks deliverWebhooks;
    private final MeterRegistry meterRegistry;

    public WebhookScheduler(DeliverWebhooks deliverWebhooks, MeterRegistry meterRegistry) {
        this.deliverWebhooks = deliverWebhooks;
        this.meterRegistry = meterRegistry;
    }

    @Scheduled(fixedDelayString = "${toxwatch.alerting.webhooks.check:PT2S}")
    public void deliverDueWebhooks() {
        for (WebhookDelivery delivery : deliverWebhooks.run()) {
            String outcome = switch (delivery.status()) {
                case DELIVERED -> "delivered";
                case PENDING -> "retrying";
                case FAILED -> "gave_up";
            };
            meterRegistry
                    .counter("toxwatch.notifications.deliveries", "channel", delivery.channel(), "outcome", outcome)
                    .increment();
            if (delivery.status() != DeliveryStatus.DELIVERED) {
                meterRegistry
                        .counter(
                                "toxwatch.notifications.delivery.failures",
                                "channel",
                                delivery.channel(),
                                "outcome",
                                outcome)
                        .increment();
            }
        }
    }
}
