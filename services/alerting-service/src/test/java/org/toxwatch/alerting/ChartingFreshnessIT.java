package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.model.ClinicalEvents.anAncOf;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.toxwatch.alerting.patient.adapter.kafka.ObservationListener;
import org.toxwatch.alerting.patient.application.ObservationLog;
import org.toxwatch.model.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charting freshness on the real broker, with alerting's own lab-result reader: stopped, it makes charting STOPPED;
 * paused while results arrive, DELAYED; and grading stays LIVE throughout, since alerts do not wait for the charts.
 * Checks every 0.5 s, late after 3 s.
 */
class ChartingFreshnessIT extends RunningAlertingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    ObservationLog observationLog;

    @AfterEach
    void readerBack() {
        var reader = labResultReader();
        if (!reader.isRunning()) {
            reader.start();
        }
        reader.resume();
        awaitCharting("LIVE");
    }

    @Test
    void aStoppedLabResultReaderStopsChartingButNotGrading() throws Exception {
        awaitCharting("LIVE");

        labResultReader().stop();

        awaitCharting("STOPPED");
        assertThat(gauge("toxwatch.charting.stopped")).isEqualTo(1.0);
        assertThat(status("/api/v1/grading/status").get("status").asString()).isEqualTo("LIVE");

        labResultReader().start();

        awaitCharting("LIVE");
        assertThat(gauge("toxwatch.charting.stopped")).isZero();
    }

    @Test
    void resultsWaitingLongerThanTheThresholdMakeChartingDelayedUntilTheyAreCharted() throws Exception {
        awaitCharting("LIVE");
        var reader = labResultReader();
        reader.pause();
        await().atMost(PATIENCE).until(reader::isContainerPaused);
        String patient = "MRN-" + UUID.randomUUID();

        kafkaTemplate.send(Topics.LAB_RESULTS, patient, anAncOf(patient, "0.4")).get(10, TimeUnit.SECONDS);

        JsonNode delayed = awaitCharting("DELAYED");
        assertThat(delayed.get("lagRecords").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(delayed.get("delaySeconds").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(gauge("toxwatch.charting.delay.seconds")).isGreaterThan(3.0);
        assertThat(status("/api/v1/grading/status").get("status").asString()).isEqualTo("LIVE");

        reader.resume();

        JsonNode live = awaitCharting("LIVE");
        assertThat(live.get("lagRecords").asLong()).isZero();
        await().atMost(PATIENCE)
                .until(() -> observationLog.of(patient).observations().size() == 1);
    }

    @Test
    void cliniciansAndOperatorsMayAskAndNobodyElse() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("clinician").statusCode()).isEqualTo(200);
        assertThat(get("operator").statusCode()).isEqualTo(200);
    }

    private MessageListenerContainer labResultReader() {
        return Objects.requireNonNull(listeners.getListenerContainer(ObservationListener.LAB_RESULTS_GROUP));
    }

    private JsonNode awaitCharting(String wanted) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> status("/api/v1/charting/status"),
                        status -> status.get("status").asString().equals(wanted));
    }

    private JsonNode status(String path) throws Exception {
        var response = getAs("clinician", path);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String user) throws Exception {
        return getAs(user, "/api/v1/charting/status");
    }

    private double gauge(String name) {
        return meterRegistry.get(name).gauge().value();
    }
}
