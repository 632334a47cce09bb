package org.toxwatch.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ToxWatchLauncher;

/**
 * The chaos run: a deterministic clinical feed through two instances of every service on a real broker and
 * store, while one instance of each service is killed outright (SIGKILL) and started again, and the broker is
 * restarted. Afterwards every alert the calculator said the feed must raise exists exactly once, its RAISED
 * transition is on the topic once and reached the webhook receiver once, and every patient's published grades
 * are the calculator's.
 *
 * <p>The build feeds 150 patients over 14 days (10,500 events; 300 before it had to fit CI): the kills and the
 * broker restart strike mid-feed whatever its size, each waiting for its share of the events (20 %, 40 % and
 * 60 % in one round). A longer run is one command away (see the README's "Fault runs"):
 * {@code -Dtoxwatch.chaos.patients=1000 -Dtoxwatch.chaos.days=30 -Dtoxwatch.chaos.rounds=3}.
 */
class ChaosIT {

    private static final int PATIENTS = Integer.getInteger("toxwatch.chaos.patients", 150);
    private static final int DAYS = Integer.getInteger("toxwatch.chaos.days", 14);
    private static final long SEED = Long.getLong("toxwatch.chaos.seed", 20261205L);
    /** Rounds of faults: each kills one instance of every service; the broker restarts once, mid-run. */
    private static final int ROUNDS = Integer.getInteger("toxwatch.chaos.rounds", 1);

    private static final int INSTANCES = 2;
    private static final Map<String, String> PASSWORDS = Map.of(
            "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", "chaos-integration-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD", "chaos-clinician-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", "chaos-operator-" + UUID.randomUUID());

    @TempDir
    Path data;

    @Test
    void everyExpectedAlertExistsExactlyOnceThroughKillsAndABrokerRestart() throws Exception {
        Instant started = Instant.now();
        int kafkaPort = FreePorts.pick();
        Path kafkaData = data.resolve("kafka");
        var broker = new AtomicReference<>(EmbeddedKafkaBroker.start(kafkaData, kafkaPort));
        var faults = new CopyOnWriteArrayList<String>();
        try (var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), 0);
                var webhooks = new WebhookReceiver()) {
            var common = new java.util.HashMap<>(PASSWORDS);
            common.put("KAFKA_BOOTSTRAP_SERVERS", broker.get().bootstrapServers());
            common.put("MONGODB_URI", mongo.connectionString() + "/toxwatch-chaos");
            // The receiver is a plain-HTTP server on loopback, which the outbound policy refuses unless allowed.
            common.put("TOXWATCH_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
            common.put("TOXWATCH_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
            try (var fleet = ServiceFleet.start(ToxWatchLauncher.home(), data.resolve("services"), INSTANCES, common)) {
                String alerting = fleet.of(ServiceKind.ALERTING).getFirst().baseUrl();
                subscribe(alerting, webhooks.url());

                String run = Long.toString(SEED, 36);
                var courses = ClinicalCourses.generate(
                        run,
                        PATIENTS,
                        DAYS,
                        SEED,
                        Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2)));
                int events = courses.stream()
                        .mapToInt(ClinicalCourses.Course::events)
                        .sum();
                var expected = ExpectedOutcome.ask(
                        fleet.of(ServiceKind.MONITORING).getFirst().baseUrl(), basic("clinician"), courses);

                var sender = new FeedSender(
                        fleet.of(ServiceKind.INGEST).stream()
                                .map(i -> i.baseUrl())
                                .toList(),
                        basic("integration"));
                var faultThread = Executors.newSingleThreadExecutor();
                var chaos = CompletableFuture.runAsync(
                        () -> {
                            var restarted = new ArrayList<CompletableFuture<Void>>();
                            int kills = 3 * ROUNDS;
                            for (int k = 0; k < kills; k++) {
                                ServiceKind kind = ServiceKind.values()[k % 3];
                                // One kill per service and round, spread over the first 80 % of the feed; each
                                // round takes the other instance of each service.
                                var victim = fleet.of(kind).get((k / 3) % INSTANCES);
                                awaitProgress(sender, (int) ((long) events * 8 * (k + 1) / (10 * (kills + 1))));
                                faults.add(victim.name() + " killed at " + sender.eventsAcknowledged() + " events");
                                restarted.add(fleet.killAndRestart(victim));
                                if (k == kills / 2) {
                                    faults.add("broker restarted at " + sender.eventsAcknowledged() + " events");
                                    broker.get().close();
                                    broker.set(EmbeddedKafkaBroker.start(kafkaData, kafkaPort));
                                }
                            }
                            restarted.forEach(CompletableFuture::join);
                        },
                        faultThread);
                var fed = sender.send(courses, 4);
                chaos.join();
                faultThread.shutdown();

                var reconciliation = new AtomicReference<Reconciliation>();
                await().atMost(Duration.ofMinutes(6))
                        .pollInterval(Duration.ofSeconds(10))
                        .ignoreExceptions()
                        .until(() -> {
                            reconciliation.set(Reconciliation.of(
                                    expected,
                                    alerting,
                                    basic("clinician"),
                                    broker.get().bootstrapServers(),
                                    webhooks));
                            return reconciliation.get().complete();
                        });
                var result = reconciliation.get();
                System.out.printf(
                        "[chaos] %d events over %d patients in %d requests (%d retries, %d resends recognised) fed in"
                                + " %d s; faults: %s; %s; whole run %d s%n",
                        fed.events(),
                        PATIENTS,
                        fed.requests(),
                        fed.retries(),
                        fed.resendsRecognised(),
                        fed.took().toSeconds(),
                        faults,
                        result.figures(),
                        Duration.between(started, Instant.now()).toSeconds());

                assertThat(fed.events())
                        .isEqualTo(events)
                        .isGreaterThanOrEqualTo(Math.min(20_000, PATIENTS * DAYS * 5));
                assertThat(faults).hasSize(3 * ROUNDS + 1);
                assertThat(result.alertsExpected()).isPositive();
                assertThat(result.alertsMissing()).isEmpty();
                assertThat(result.alertsDuplicated()).isEmpty();
                assertThat(result.alertsUnexpected()).isEmpty();
                assertThat(result.raisedMissingOnTopic()).isEmpty();
                assertThat(result.raisedDuplicated()).isEmpty();
                assertThat(result.webhookLost()).isEmpty();
                assertThat(result.webhookDuplicated()).isEmpty();
                assertThat(result.patientsGradedDifferently()).isEmpty();
                for (var instance : fleet.all()) {
                    assertThat(answersUp(instance.baseUrl() + "/actuator/health/liveness"))
                            .as(instance.name() + " live")
                            .isTrue();
                }
            }
        } finally {
            broker.get().close();
        }
    }

    private static void awaitProgress(FeedSender sender, int events) {
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sender.eventsAcknowledged() >= events);
    }

    private static void subscribe(String alerting, String url) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(alerting + "/api/v1/webhooks"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", basic("operator"))
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"name":"chaos-receiver","url":"%s","secret":"chaos-secret-0123456789",
                                         "transitions":["RAISED"],"priorities":[]}""".formatted(url)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static boolean answersUp(String url) {
        try {
            return HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static String basic(String user) {
        String password = PASSWORDS.get("TOXWATCH_BOOTSTRAP_" + user.toUpperCase() + "_PASSWORD");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
