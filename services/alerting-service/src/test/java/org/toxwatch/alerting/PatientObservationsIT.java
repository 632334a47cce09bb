package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.model.ClinicalEvents.aCorrectionOf;
import static org.toxwatch.model.ClinicalEvents.aLabResult;
import static org.toxwatch.model.ClinicalEvents.aTemperature;
import static org.toxwatch.model.ClinicalEvents.aTherapyEvent;
import static org.toxwatch.model.ClinicalEvents.anAncOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.patient.adapter.kafka.ObservationListener;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observation log on the real broker and store: every lab value, temperature and therapy event ingest publishes
 * reaches a clinician's GET /api/v1/patients/{id}/observations once, whether or not any grade changed with it; a
 * correction replaces what it corrects; an unreadable record is dead-lettered without its content and the next one
 * is still logged.
 */
class PatientObservationsIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant DAY_0 = Instant.parse("2026-11-30T10:30:00Z");

    @Test
    void everyValueReceivedReachesTheEndpointOnceThoughNoGradeChangedWithIt() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var enrolled =
                aTherapyEvent(patient, TherapyEventType.ENROLLED, Therapy.CAR_T, DAY_0.minus(Duration.ofDays(5)));
        var infused = aTherapyEvent(patient, TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, DAY_0);
        var anc = anAncOf(patient, "0.31", DAY_0.plus(Duration.ofDays(5)));
        var nadir = anAncOf(patient, "0.08", DAY_0.plus(Duration.ofDays(6)));
        var alt = aLabResult(
                patient, "1742-6", "278", "U/L", DAY_0.plus(Duration.ofDays(6).plusHours(1)));
        var bilirubinInMicromoles = aLabResult(patient, "1975-2", "24", "umol/L", DAY_0.plus(Duration.ofDays(6)));
        var fever = aTemperature(patient, "38.9", DAY_0.plus(Duration.ofHours(30)));

        for (var event : List.of(enrolled, infused)) {
            send(Topics.THERAPY_EVENTS, patient, event);
        }
        for (var event : List.of(anc, nadir, alt, bilirubinInMicromoles, nadir)) {
            send(Topics.LAB_RESULTS, patient, event);
        }
        send(Topics.VITAL_SIGNS, patient, fever);

        JsonNode logged = await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> observations(patient),
                        body -> body.get("observations").size() == 4
                                && body.get("therapyEvents").size() == 2);
        assertThat(values(logged))
                .as("oldest first, the redelivered nadir once, bilirubin in umol/L not charted")
                .containsExactly(
                        tuple("BODY_TEMPERATURE", "38.9", "Cel"),
                        tuple("ANC", "0.31", "10*9/L"),
                        tuple("ANC", "0.08", "10*9/L"),
                        tuple("ALT", "278", "U/L"));
        assertThat(logged.get("therapyEvents")
                        .valueStream()
                        .map(e -> e.get("type").asString()))
                .containsExactly("ENROLLED", "CAR_T_INFUSED");
        assertThat(logged.get("therapyEvents").get(1).get("occurredAt").asString())
                .isEqualTo(DAY_0.toString());

        send(Topics.LAB_RESULTS, patient, aCorrectionOf(nadir, "0.09"));

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(values(observations(patient)))
                        .contains(tuple("ANC", "0.09", "10*9/L"))
                        .doesNotContain(tuple("ANC", "0.08", "10*9/L")));
    }

    @Test
    void onlyCliniciansReadAPatientsObservations() throws Exception {
        assertThat(get("/api/v1/patients/MRN-x/observations", "operator", OPERATOR_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/patients/MRN-x/observations", null, null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/patients/MRN-x/observations", "clinician", CLINICIAN_PASSWORD)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnreadableLabResultIsDeadLetteredWithoutItsContentAndTheNextIsStillLogged() throws Exception {
        String marker = "MRN" + UUID.randomUUID().toString().replace("-", "");
        byte[] poison = ("{\"patientId\": \"" + marker + "\", \"value\": 0.08}").getBytes(StandardCharsets.UTF_8);
        String next = "MRN-" + UUID.randomUUID();

        sendBytes(Topics.LAB_RESULTS, marker, poison);
        send(Topics.LAB_RESULTS, next, anAncOf(next, "0.4"));

        var deadLetter = await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> deadLettersOf(Topics.LAB_RESULTS_DLT, poison), found -> !found.isEmpty())
                .getFirst();
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group"))
                .isEqualTo(ObservationListener.LAB_RESULTS_GROUP);
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).startsWith("unreadable:");
        assertThat(deadLetter.headers())
                .as("the reason never quotes the record")
                .allSatisfy(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                        .doesNotContain(marker));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> observations(next).get("observations").size() == 1);
    }

    private static List<org.assertj.core.groups.Tuple> values(JsonNode body) {
        return body.get("observations")
                .valueStream()
                .map(o -> tuple(
                        o.get("analyte").asString(),
                        o.get("value").decimalValue().stripTrailingZeros().toPlainString(),
                        o.get("unit").asString()))
                .toList();
    }

    private JsonNode observations(String patient) throws Exception {
        var response = get("/api/v1/patients/" + patient + "/observations", "clinician", CLINICIAN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", WebhookDeliveryIT.basic(user, password));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes as ingest does: keyed by patient, acknowledged by the broker. */
    private void send(String topic, String patient, Object event) throws Exception {
        kafkaTemplate.send(topic, patient, event).get(10, TimeUnit.SECONDS);
    }

    private static void sendBytes(String topic, String key, byte[] value) throws Exception {
        var config = new HashMap<String, Object>();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                org.toxwatch.testinfrastructure.IntegrationInfrastructure.shared()
                        .bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** The records of a dead-letter topic whose value is exactly {@code value}, read from the beginning. */
    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String topic, byte[] value) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                org.toxwatch.testinfrastructure.IntegrationInfrastructure.shared()
                        .bootstrapServers());
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
                    if (java.util.Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
