package org.toxwatch.alerting.notification.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.notification.domain.DeliveryAttempt;
import org.toxwatch.alerting.notification.domain.WebhookDelivery;
import org.toxwatch.alerting.notification.domain.WebhookSubscription;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks under the outbound policy, against real HTTP servers on this machine standing in for the internal
 * services an attacker would aim at: nothing internal is reached unless allowlisted, whatever the name resolves to
 * and whenever it resolves there; redirects are not followed; and the delivery log cannot tell ports apart.
 */
class HttpWebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private HttpServer internal;
    private final AtomicInteger internalHits = new AtomicInteger();

    @BeforeEach
    void startAnInternalService() throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stopIt() {
        internal.stop(0);
    }

    @Test
    void aLoopbackTargetIsRefusedAndNeverContacted() {
        var attempt = send(policy(Map.of()), "http://127.0.0.1:" + port() + "/hook");

        assertRefused(attempt);
        assertThat(internalHits).hasValue(0);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedAndNeverContacted() {
        var attempt = send(policy(Map.of("hooks.example.org", "127.0.0.1")), "http://hooks.example.org:" + port());

        assertRefused(attempt);
        assertThat(internalHits).hasValue(0);
    }

    @Test
    void privateLinkLocalCgnatAndUniqueLocalTargetsAreRefused() {
        for (String address : new String[] {
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.10.10",
            "100.64.0.1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "64:ff9b::a00:1"
        }) {
            assertRefused(send(policy(Map.of("hooks.example.org", address)), "https://hooks.example.org/hook"));
        }
    }

    @Test
    void theCloudMetadataServiceIsRefusedByAddressAndByName() {
        assertRefused(send(policy(Map.of()), "http://169.254.169.254/latest/meta-data/"));
        assertRefused(send(policy(Map.of()), "http://[fd00:ec2::254]/latest/meta-data/"));
        assertRefused(send(policy(Map.of("metadata.internal", "169.254.169.254")), "http://metadata.internal/"));
    }

    @Test
    void aNameThatRebindsFromPublicToLoopbackIsConnectedToTheAddressThatWasChecked() {
        var lookups = new AtomicInteger();
        OutboundPolicy.Resolver rebinding = host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByName("203.0.113.10")}
                : new InetAddress[] {InetAddress.getLoopbackAddress()};
        var policy = new OutboundPolicy(true, Set.of(), rebinding);

        var attempt = send(policy, "http://rebind.example.org:" + port() + "/hook");

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.failure()).isEqualTo(HttpWebhookSender.FAILED);
        assertThat(lookups).as("one resolution, checked and used").hasValue(1);
        assertThat(internalHits).as("the rebound address was never contacted").hasValue(0);
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        var redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/internal");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            var attempt = send(
                    new OutboundPolicy(true, Set.of("receiver.example.org"), host -> loopback()),
                    "http://receiver.example.org:" + redirecting.getAddress().getPort() + "/hook");

            assertThat(attempt.delivered()).isFalse();
            assertThat(attempt.statusCode()).isEqualTo(302);
            assertThat(attempt.failure()).isEqualTo("HTTP 302");
            assertThat(internalHits).hasValue(0);
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void anAllowlistedHostIsDelivered() {
        var attempt = send(
                new OutboundPolicy(true, Set.of("Receiver.Example.org"), host -> loopback()),
                "http://receiver.example.org:" + port() + "/hook");

        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.statusCode()).isEqualTo(204);
        assertThat(internalHits).hasValue(1);
    }

    @Test
    void plainHttpIsRefusedOutsideTheLocalRun() {
        var policy = new OutboundPolicy(false, Set.of("receiver.example.org"), host -> loopback());

        assertRefused(send(policy, "http://receiver.example.org:" + port() + "/hook"));
        assertThat(internalHits).hasValue(0);
    }

    @Test
    void aClosedPortAndAPortThatDoesNotSpeakHttpLookTheSameInTheDeliveryLog() throws IOException {
        var policy = new OutboundPolicy(true, Set.of("receiver.example.org"), host -> loopback());
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var toClosed = send(policy, "http://receiver.example.org:" + closed + "/");
            var toSilent = send(policy, "http://receiver.example.org:" + silent.getLocalPort() + "/");

            assertThat(toClosed.failure()).isEqualTo(toSilent.failure()).isEqualTo(HttpWebhookSender.FAILED);
            assertThat(toClosed.statusCode()).isNull();
            assertThat(toSilent.statusCode()).isNull();
        }
    }

    private int port() {
        return internal.getAddress().getPort();
    }

    private static InetAddress[] loopback() {
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }

    /** A policy whose names resolve as the map says (anything else as the system resolver does). */
    private static OutboundPolicy policy(Map<String, String> dns) {
        return new OutboundPolicy(true, Set.of(), host -> {
            String address = dns.get(host);
            return address == null ? InetAddress.getAllByName(host) : new InetAddress[] {literal(address)};
        });
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.getByName(address);
    }

    private static void assertRefused(DeliveryAttempt attempt) {
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.failure()).isEqualTo(OutboundPolicy.REFUSED);
    }

    private static DeliveryAttempt send(OutboundPolicy policy, String url) {
        var subscription = new WebhookSubscription(
                UUID.randomUUID(),
                "target",
                URI.create(url),
                "sixteen-character-secret",
                Set.of(),
                Set.of(),
                true,
                NOW,
                false);
        var raised = AlertEpisode.raise(
                anAssessment("MRN-4711", Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
                new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
                UUID.randomUUID(),
                NOW);
        try (var sender = new HttpWebhookSender(JsonMapper.builder().build(), TIMEOUT, policy)) {
            return sender.send(subscription, WebhookDelivery.of(subscription, raised.event(), NOW), null, NOW);
        }
    }
}
