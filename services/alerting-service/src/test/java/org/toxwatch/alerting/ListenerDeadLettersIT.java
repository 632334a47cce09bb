package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.notification.adapter.kafka.AlertEventListener;
import org.toxwatch.alerting.patient.adapter.kafka.PatientListener;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerting never stops on a record, on the real broker: an unreadable assessment and an unreadable alert event go
 * to their dead-letter topics, with the kind of failure but none of the content in their headers, are counted,
 * and the next patient's assessment still becomes an alert. Liveness stays UP throughout.
 */
class ListenerDeadLettersIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    AssessmentHistory history;

    @Test
    void anUnreadableAssessmentIsDeadLetteredWithoutItsContentAndTheNextPatientIsStillAlerted() throws Exception {
        String marker = "MRN" + UUID.randomUUID().toString().replace("-", "");
        byte[] poison = ("{\"patientId\": " + marker + "}").getBytes(StandardCharsets.UTF_8);
        double before = deadLetters(Topics.ASSESSMENTS);

        send(Topics.ASSESSMENTS, marker, poison);
        String next = "MRN-" + UUID.randomUUID();
        publish(anAssessment(next, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(Topics.ASSESSMENTS_DLT, poison);
        assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                .startsWith("unreadable: the record could not be deserialized");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ASSESSMENTS);
        assertThat(deadLetter.headers())
                .as("the reason never quotes the record")
                .allSatisfy(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                        .doesNotContain(marker));
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-stacktrace"))
                .isNull();
        await().atMost(PATIENCE).until(() -> !history.of(next).isEmpty());
        await().atMost(PATIENCE).until(() -> deadLetters(Topics.ASSESSMENTS) == before + 1);
        assertThat(meterRegistry.find("toxwatch.alerting.dead.letters").counters())
                .flatExtracting(counter -> counter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("MRN"));
    }

    @Test
    void anUnreadableAlertEventIsDeadLetteredByTheWebhookDispatcher() throws Exception {
        String marker = "MRN" + UUID.randomUUID().toString().replace("-", "");
        byte[] poison = ("[" + marker + "]").getBytes(StandardCharsets.UTF_8);

        send(Topics.ALERT_EVENTS, marker, poison);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            deadLetters.clear();
            deadLetters.addAll(deadLettersOf(Topics.deadLetterTopicOf(Topics.ALERT_EVENTS), poison));
            return deadLetters.stream()
                    .anyMatch(record ->
                            AlertEventListener.GROUP.equals(header(record, "kafka_dlt-original-consumer-group")));
        });
        assertThat(deadLetters)
                .allSatisfy(record -> assertThat(header(record, "kafka_dlt-exception-message"))
                        .startsWith("unreadable:")
                        .doesNotContain(marker));
        assertThat(deadLetters(Topics.ALERT_EVENTS)).isPositive();
    }

    @Test
    void anUnreadablePatientRecordIsDeadLetteredWithoutTheNameItCarried() throws Exception {
        String marker = "Fam" + UUID.randomUUID().toString().replace("-", "");
        // Readable JSON, but no event id: the contract's record cannot be built from it.
        byte[] poison =
                ("{\"patientId\": \"MRN-x\", \"familyName\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
        double before = deadLetters(Topics.PATIENTS);

        send(Topics.PATIENTS, "MRN-" + UUID.randomUUID(), poison);

        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(Topics.PATIENTS_DLT, poison);
        assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                .startsWith("unreadable: the record could not be deserialized");
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo(PatientListener.GROUP);
        assertThat(deadLetter.headers())
                .as("the reason never quotes the record")
                .allSatisfy(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                        .doesNotContain(marker));
        await().atMost(PATIENCE).until(() -> deadLetters(Topics.PATIENTS) == before + 1);
    }

    @Test
    void livenessIsUpWhileEveryListenerRuns() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness"))
                                .header("Authorization", WebhookDeliveryIT.basic("operator", OPERATOR_PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/kafkaListenersLiveness/status").asString())
                .isEqualTo("UP");
        assertThat(health.at("/components/kafkaListenersLiveness/details/containers")
                        .asInt())
                .isGreaterThanOrEqualTo(3);
    }

    private double deadLetters(String topic) {
        return meterRegistry.find("toxwatch.alerting.dead.letters").tag("topic", topic).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        var config = new HashMap<String, Object>();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String topic, byte[] value) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deadLettersOf(topic, value), found -> !found.isEmpty())
                .getFirst();
    }

    /** The records of a dead-letter topic whose value is exactly {@code value}, read from the beginning. */
    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String topic, byte[] value) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
