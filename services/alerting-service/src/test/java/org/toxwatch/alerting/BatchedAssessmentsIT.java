package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.domain.Assessments;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments are read a poll at a time, on the real broker and store: an unreadable record among one patient's
 * assessments is dead-lettered alone, and every assessment before and after it takes effect once, in order.
 */
class BatchedAssessmentsIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    AssessmentHistory history;

    @Autowired
    Alerts alerts;

    @Autowired
    AuditTrail auditTrail;

    @Test
    void anUnreadableRecordAmongAPatientsAssessmentsIsDeadLetteredAloneAndTheOthersTakeEffectInOrder()
            throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var before = assessments(patient, 3, Instant.parse("2026-11-20T08:00:00Z"));
        var after = assessments(patient, 4, Instant.parse("2026-11-20T12:00:00Z"));
        byte[] poison = ("{\"patientId\": \"" + patient + "\", \"grade\": [").getBytes(StandardCharsets.UTF_8);

        try (var producer = producer()) {
            // One producer, one key, no wait between: one partition, in this order, mostly within one poll.
            before.forEach(assessment -> producer.send(record(patient, json(assessment))));
            producer.send(record(patient, poison));
            after.forEach(assessment -> producer.send(record(patient, json(assessment))));
            producer.flush();
        }

        await().atMost(PATIENCE).until(() -> history.of(patient).size() == before.size() + after.size());
        assertThat(history.of(patient))
                .extracting(ToxicityAssessed::eventId)
                .containsExactlyElementsOf(concat(before, after).stream()
                        .map(ToxicityAssessed::eventId)
                        .toList());
        var episode = alerts.findUnresolved(patient, ToxicityFamily.CYTOPENIA).orElseThrow();
        assertThat(episode.handledAssessments())
                .containsExactlyElementsOf(concat(before, after).stream()
                        .map(ToxicityAssessed::eventId)
                        .toList());
        assertThat(episode.highestGrade()).isEqualTo(4);
        assertThat(auditTrail.of(episode.alertId()))
                .as("one transition per assessment, none twice")
                .extracting(AlertChanged::transition)
                .containsExactly(
                        AlertTransition.RAISED,
                        AlertTransition.UPDATED,
                        AlertTransition.UPDATED,
                        AlertTransition.ESCALATED_GRADE,
                        AlertTransition.UPDATED,
                        AlertTransition.UPDATED);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> deadLettered(poison));
    }

    private static List<ToxicityAssessed> assessments(String patient, int grade, Instant from) {
        var assessments = new ArrayList<ToxicityAssessed>();
        for (int i = 0; i < 3; i++) {
            assessments.add(Assessments.anAssessmentAt(
                    patient, Criterion.NEUTROPHIL_COUNT_DECREASED, grade, from.plus(Duration.ofHours(i))));
        }
        return assessments;
    }

    private static List<ToxicityAssessed> concat(List<ToxicityAssessed> first, List<ToxicityAssessed> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static byte[] json(ToxicityAssessed assessment) {
        return JsonMapper.builder().build().writeValueAsBytes(assessment);
    }

    private static ProducerRecord<String, byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(Topics.ASSESSMENTS, key, value);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                20);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean deadLettered(byte[] value) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.ASSESSMENTS_DLT).stream()
                    .map(info -> new TopicPartition(Topics.ASSESSMENTS_DLT, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(record.value(), value)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
