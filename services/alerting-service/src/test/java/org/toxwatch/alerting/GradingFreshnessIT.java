package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading freshness on the real broker: the stand-in grader (a member of monitoring's group) dies, hangs while
 * results arrive, and comes back; alerting's status endpoint and gauges follow. Checks every 0.5 s, late after 3 s.
 */
class GradingFreshnessIT extends RunningAlertingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meterRegistry;

    @AfterEach
    void graderBack() {
        GRADER.join();
        GRADER.resumeReading();
        awaitStatus("LIVE");
    }

    @Test
    void aGraderThatLeavesItsGroupIsStoppedSinceItWasLastSeenAndLiveAgainWhenItIsBack() throws Exception {
        awaitStatus("LIVE");
        Instant beforeLeaving = Instant.now();

        GRADER.leave();

        JsonNode stopped = awaitStatus("STOPPED");
        assertThat(Instant.parse(stopped.get("since").asString()))
                .isAfterOrEqualTo(beforeLeaving.minusSeconds(2))
                .isBeforeOrEqualTo(Instant.parse(stopped.get("checkedAt").asString()));
        assertThat(gauge("toxwatch.grading.stopped")).isEqualTo(1.0);

        GRADER.join();

        awaitStatus("LIVE");
        assertThat(gauge("toxwatch.grading.stopped")).isZero();
    }

    @Test
    void resultsWaitingLongerThanTheThresholdMakeGradingDelayedUntilTheyAreRead() throws Exception {
        awaitStatus("LIVE");
        GRADER.stopReading();

        try (var producer = producer(Map.of())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(
                                StandInGrader.INPUT_TOPICS.getFirst(), "MRN-" + UUID.randomUUID(), bytes("{}")))
                        .get(10, TimeUnit.SECONDS);
            }
        }

        JsonNode delayed = awaitStatus("DELAYED");
        assertThat(delayed.get("lagRecords").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(delayed.get("delaySeconds").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(gauge("toxwatch.grading.delay.seconds")).isGreaterThan(3.0);
        assertThat(gauge("toxwatch.grading.lag.records")).isGreaterThanOrEqualTo(3.0);

        GRADER.resumeReading();

        JsonNode live = awaitStatus("LIVE");
        assertThat(live.get("lagRecords").asLong()).isZero();
        assertThat(gauge("toxwatch.grading.delay.seconds")).isZero();
    }

    @Test
    void resultsWrittenInATransactionAreCaughtUpOnceReadAlthoughTheCommitMarkerFollowsThem() throws Exception {
        awaitStatus("LIVE");
        try (var producer =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-ingest-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(
                    new ProducerRecord<>(StandInGrader.INPUT_TOPICS.get(1), "MRN-" + UUID.randomUUID(), bytes("{}")));
            producer.commitTransaction();
        }

        // Longer than the threshold: a marker mistaken for an unread record would make it DELAYED by then.
        await().during(Duration.ofSeconds(5))
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> status().get("status").asString(), "LIVE"::equals);
        assertThat(status().get("lagRecords").asLong()).isZero();
    }

    @Test
    void cliniciansAndOperatorsMayAskAndNobodyElse() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("clinician").statusCode()).isEqualTo(200);
        assertThat(get("operator").statusCode()).isEqualTo(200);
    }

    private JsonNode awaitStatus(String wanted) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(this::status, status -> status.get("status").asString().equals(wanted));
    }

    private JsonNode status() throws Exception {
        var response = get("clinician");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String user) throws Exception {
        return getAs(user, "/api/v1/grading/status");
    }

    private double gauge(String name) {
        return meterRegistry.get(name).gauge().value();
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
        var config = new java.util.HashMap<String, Object>(extra);
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
