package org.toxwatch.alerting.notification.adapter.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.notification.application.WebhookSender;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSignature;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a delivery as JSON: {@code X-ToxWatch-Signature} (HMAC-SHA256 over timestamp and body),
 * {@code X-ToxWatch-Delivery} (the same on every retry, for the receiver to de-duplicate) and
 * {@code X-ToxWatch-Event} (the transition). Any 2xx is delivered; anything else is a failed attempt.
 *
 * <p>Every connection goes through the {@link OutboundPolicy}: the client's only name resolution is the policy's,
 * which resolves once and hands back the vetted addresses the socket then connects to. No proxy, no redirects, no
 * retries inside an attempt. A receiver's HTTP answer is logged as its status; every other failure as
 * {@link OutboundPolicy#REFUSED} or {@link #FAILED}, never as "connection refused", "timed out" or a protocol
 * error, so the delivery log cannot be used to map ports.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

    public static final String DELIVERY_HEADER = "X-ToxWatch-Delivery";
    public static final String EVENT_HEADER = "X-ToxWatch-Event";
    public static final String FAILED = "delivery failed";

    private final CloseableHttpClient http;
    private final JsonMapper json;
    private final OutboundPolicy policy;

    public HttpWebhookSender(JsonMapper json, Duration timeout, OutboundPolicy policy) {
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.json = json;
        this.policy = policy;
    }

    /** What the receiver gets: the transition as published on the alert-event topic, and which delivery it is. */
    record Payload(String deliveryId, String subscription, AlertChanged alert) {}

    /** The same, with who the patient is, for a subscription that asked for it ({@code includeDemographics}). */
    record PayloadWithPatient(String deliveryId, String subscription, AlertChanged alert, PatientBlock patient) {}

    /** The patient as a webhook carries them: each detail as last stated, null where never stated. */
    record PatientBlock(
            String patientId,
            List<PatientIdentifier> identifiers,
            @Nullable String familyName,
            @Nullable String givenName,
            @Nullable LocalDate birthDate,
            @Nullable AdministrativeSex sex,
            @Nullable PatientLocation location,
            @Nullable String attending,
            boolean discharged) {

        static PatientBlock of(PatientDetails details) {
            return new PatientBlock(
                    details.patientId(),
                    details.identifiers(),
                    details.familyName(),
                    details.givenName(),
                    details.birthDate(),
                    details.sex(),
                    details.location(),
                    details.attending(),
                    details.discharged());
        }
    }

    @Override
    public DeliveryAttempt send(
            WebhookSubscription subscription, WebhookDelivery delivery, @Nullable PatientDetails patient, Instant now) {
        int number = delivery.nextAttemptNumber();
        if (!policy.permitsUrl(subscription.url())) {
            return new DeliveryAttempt(number, now, false, null, OutboundPolicy.REFUSED);
        }
        String body = json.writeValueAsString(
                patient != null && subscription.carriesDemographics()
                        ? new PayloadWithPatient(
                                delivery.deliveryId(), subscription.name(), delivery.change(), PatientBlock.of(patient))
                        : new Payload(delivery.deliveryId(), subscription.name(), delivery.change()));
        var request = new HttpPost(subscription.url());
        request.setHeader("User-Agent", "ToxWatch-Webhooks/1");
        request.setHeader(DELIVERY_HEADER, delivery.deliveryId());
        request.setHeader(EVENT_HEADER, delivery.change().transition().name());
        request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret(), now, body));
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try {
            int status = http.execute(request, response -> response.getCode());
            boolean delivered = status >= 200 && status < 300;
            return new DeliveryAttempt(number, now, delivered, status, delivered ? null : "HTTP " + status);
        } catch (IOException e) {
            return new DeliveryAttempt(number, now, false, null, refusedByPolicy(e) ? OutboundPolicy.REFUSED : FAILED);
        }
    }

    private static boolean refusedByPolicy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutboundPolicy.Refusal) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP client's name resolution: the policy's, once per connection. */
    private record PolicyResolver(OutboundPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.addressesOf(host);
        }

        /** Never an unresolved address: that would let the socket look the name up again, past the policy. */
        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(policy.addressesOf(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            // Only used for Kerberos/SPNEGO, which webhooks never do; answering the name avoids a second lookup.
            return host;
        }
    }
}
