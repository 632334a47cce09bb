package org.toxwatch.alerting.notification.adapter.web;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.notification.application.ChangeSubscriptions;
import org.toxwatch.alerting.notification.application.ConfigurationAudit;
import org.toxwatch.alerting.notification.application.WebhookDeliveries;
import org.toxwatch.alerting.notification.application.WebhookSubscriptions;
import org.toxwatch.alerting.notification.domain.ConfigurationChange;
import org.toxwatch.alerting.notification.domain.DeliveryStatus;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertTransition;

/**
 * Operators subscribe integrations (an http(s) URL) or teams (a mailto: address) to alert transitions, read each
 * subscription's delivery log and the audit of who changed which subscription.
 */
@RestController
class WebhookController {

    private static final int MAX_PAGE = 500;

    private final WebhookSubscriptions subscriptions;
    private final ChangeSubscriptions changeSubscriptions;
    private final ConfigurationAudit audit;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final boolean allowPlainHttp;

    WebhookController(
            WebhookSubscriptions subscriptions,
            ChangeSubscriptions changeSubscriptions,
            ConfigurationAudit audit,
            WebhookDeliveries deliveries,
            Clock clock,
            @Value("${toxwatch.alerting.webhooks.allow-plain-http:false}") boolean allowPlainHttp) {
        this.subscriptions = subscriptions;
        this.changeSubscriptions = changeSubscriptions;
        this.audit = audit;
        this.deliveries = deliveries;
        this.clock = clock;
        this.allowPlainHttp = allowPlainHttp;
    }

    record SubscribeRequest(
            @Nullable String name,
            @Nullable String url,
            @Nullable String secret,
            @Nullable Set<AlertTransition> transitions,
            @Nullable Set<AlertPriority> priorities,
            @Nullable Boolean includeDemographics) {}

    /** A subscription as shown: never its secret. */
    record SubscriptionView(
            UUID id,
            String name,
            URI url,
            Set<AlertTransition> transitions,
            Set<AlertPriority> priorities,
            boolean active,
            Instant createdAt,
            boolean includeDemographics) {

        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(
                    s.id(),
                    s.name(),
                    s.url(),
                    s.transitions(),
                    s.priorities(),
                    s.active(),
                    s.createdAt(),
                    s.includeDemographics());
        }
    }

    /** One audited change: who, when, which subscription, its settings before and after (never the secret). */
    record ChangeView(
            Instant at,
            String actor,
            String subject,
            String action,
            Map<String, String> before,
            Map<String, String> after) {

        static ChangeView of(ConfigurationChange change) {
            return new ChangeView(
                    change.at(), change.actor(), change.subject(), change.action(), change.before(), change.after());
        }
    }

    record AttemptView(
            int number,
            Instant at,
            boolean delivered,
            @Nullable Integer statusCode,
            @Nullable String failure) {}

    /** One entry of the delivery log: which transition, where it stands, every attempt. */
    record DeliveryView(
            String deliveryId,
            String channel,
            UUID alertId,
            UUID eventId,
            AlertTransition transition,
            DeliveryStatus status,
            Instant createdAt,
            Instant nextAttemptAt,
            @Nullable Instant deliveredAt,
            List<AttemptView> attempts) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(
                    d.deliveryId(),
                    d.channel(),
                    d.change().alertId(),
                    d.change().eventId(),
                    d.change().transition(),
                    d.status(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt(),
                    d.attempts().stream()
                            .map(a -> new AttemptView(a.number(), a.at(), a.delivered(), a.statusCode(), a.failure()))
                            .toList());
        }
    }

    /**
     * Subscribes. {@code includeDemographics} (default false) adds a {@code patient} block (name, birth date, sex,
     * identifiers, location, attending) to each webhook; e-mail never carries it.
     */
    @PostMapping("/api/v1/webhooks")
    ResponseEntity<?> subscribe(@RequestBody SubscribeRequest body, Principal operator) {
        if (body.name() == null || body.name().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Name the subscription: {\"name\": \"...\"}");
        }
        URI url = httpUrl(body.url(), allowPlainHttp);
        if (url == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    allowPlainHttp
                            ? "The url must be an absolute http(s) URL (webhook) or a mailto: address (e-mail)"
                            : "The url must be an absolute https URL (webhook) or a mailto: address (e-mail)");
        }
        if (Boolean.TRUE.equals(body.includeDemographics()) && "mailto".equalsIgnoreCase(url.getScheme())) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "includeDemographics is for webhooks: e-mail never carries the patient's name or birth date");
        }
        if (body.secret() == null || body.secret().length() < WebhookSubscription.SHORTEST_SECRET) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The secret signs every request; it needs at least " + WebhookSubscription.SHORTEST_SECRET
                            + " characters");
        }
        var subscription = changeSubscriptions.subscribe(
                new WebhookSubscription(
                        UUID.randomUUID(),
                        body.name(),
                        url,
                        body.secret(),
                        body.transitions() == null ? Set.of() : body.transitions(),
                        body.priorities() == null ? Set.of() : body.priorities(),
                        true,
                        clock.instant(),
                        Boolean.TRUE.equals(body.includeDemographics())),
                operator.getName());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id()))
                .body(SubscriptionView.of(subscription));
    }

    @GetMapping("/api/v1/webhooks")
    List<SubscriptionView> subscriptions() {
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    /** Stops sending to the subscription; its delivery log stays readable. */
    @DeleteMapping("/api/v1/webhooks/{id}")
    ResponseEntity<?> unsubscribe(@PathVariable UUID id, Principal operator) {
        return changeSubscriptions
                .unsubscribe(id, operator.getName())
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(SubscriptionView.of(s)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No webhook subscription " + id));
    }

    /** Who created or deactivated which subscription, and when, newest first. */
    @GetMapping("/api/v1/webhooks/changes")
    List<ChangeView> changes(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, MAX_PAGE))).stream()
                .map(ChangeView::of)
                .toList();
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    ResponseEntity<?> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        if (subscriptions.find(id).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No webhook subscription " + id);
        }
        int bounded = Math.max(1, Math.min(limit, MAX_PAGE));
        return ResponseEntity.ok(
                deliveries.of(id, bounded).stream().map(DeliveryView::of).toList());
    }

    /** Where the address is internal is decided when sending, on the addresses then resolved (OutboundPolicy). */
    private static @Nullable URI httpUrl(@Nullable String url, boolean allowPlainHttp) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if ("mailto".equalsIgnoreCase(uri.getScheme())) {
                String address = uri.getSchemeSpecificPart();
                return address != null && address.matches("[^@\\s,?]+@[^@\\s,?]+") ? uri : null;
            }
            boolean http = "https".equalsIgnoreCase(uri.getScheme())
                    || allowPlainHttp && "http".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null && uri.getRawUserInfo() == null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
