package org.toxwatch.alerting.adapter.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.toxwatch.alerting.application.WebhookSender;
import org.toxwatch.alerting.domain.DeliveryAttempt;
import org.toxwatch.alerting.domain.WebhookDelivery;
import org.toxwatch.alerting.domain.WebhookSignature;
import org.toxwatch.alerting.domain.WebhookSubscription;
import org.toxwatch.model.AlertChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a delivery as JSON with the JDK HTTP client: {@code X-ToxWatch-Signature} (HMAC-SHA256 over timestamp and
 * body), {@code X-ToxWatch-Delivery} (the same on every retry, for the receiver to de-duplicate) and
 * {@code X-ToxWatch-Event} (the transition). Any 2xx is delivered; anything else is a failed attempt.
 */
public final class HttpWebhookSender implements WebhookSender {

    public static final String DELIVERY_HEADER = "X-ToxWatch-Delivery";
    public static final String EVENT_HEADER = "X-ToxWatch-Event";

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public HttpWebhookSender(JsonMapper json, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.timeout = timeout;
    }

    /** What the receiver gets: the transition as published on the alert-event topic, and which delivery it is. */
    record Payload(String deliveryId, String subscription, AlertChanged alert) {}

    @Override
    public DeliveryAttempt send(WebhookSubscription subscription, WebhookDelivery delivery, Instant now) {
        int number = delivery.nextAttemptNumber();
        String body =
                json.writeValueAsString(new Payload(delivery.deliveryId(), subscription.name(), delivery.change()));
        var request = HttpRequest.newBuilder(subscription.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ToxWatch-Webhooks/1")
                .header(DELIVERY_HEADER, delivery.deliveryId())
                .header(EVENT_HEADER, delivery.change().transition().name())
                .header(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret(), now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean delivered = status >= 200 && status < 300;
            return new DeliveryAttempt(number, now, delivered, status, delivered ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new DeliveryAttempt(number, now, false, null, "timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new DeliveryAttempt(
                    number, now, false, null, "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryAttempt(number, now, false, null, "interrupted");
        }
    }
}
