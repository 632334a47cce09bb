package org.toxwatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Topics;
import org.toxwatch.monitoring.application.PatientStates;
import org.toxwatch.monitoring.application.ReadAssessments;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring service on a real broker: it grades a lab result, stops, and starts again with an empty
 * local state directory, so the per-patient state can only come back from the store's changelog topic.
 */
class MonitoringRestartIT {

    private static final IntegrationInfrastructure INFRASTRUCTURE = IntegrationInfrastructure.shared();

    @TempDir
    Path data;

    private final String applicationId = "monitoring-it-" + UUID.randomUUID();

    @Test
    void aRestartWithAnEmptyStateDirectoryRestoresEveryPatientFromTheChangelog() {
        String patientId = "MRN-" + UUID.randomUUID();

        try (var first = start(data.resolve("first"))) {
            publish(anAnc(patientId, "0.4"));
            assertThat(awaitNeutrophilGrade(first, patientId)).isEqualTo(4);
        }

        try (var second = start(data.resolve("second"))) {
            assertThat(awaitNeutrophilGrade(second, patientId)).isEqualTo(4);
        }
        // Had the second instance re-graded from an empty state, it would have published the grade again.
        assertThat(neutrophilAssessmentsPublishedFor(patientId)).isEqualTo(1);
    }

    private static long neutrophilAssessmentsPublishedFor(String patientId) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRASTRUCTURE.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(Topics.ASSESSMENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(patientId) && record.value().contains("neutrophil_count_decreased")) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private ConfigurableApplicationContext start(Path stateDirectory) {
        // Command-line arguments outrank application.yml; builder "properties" would only be defaults.
        return new SpringApplicationBuilder(MonitoringApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + INFRASTRUCTURE.bootstrapServers(),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + stateDirectory,
                        "--server.port=0",
                        "--toxwatch.security.credentials-file=" + data.resolve("credentials"));
    }

    private static Integer awaitNeutrophilGrade(ConfigurableApplicationContext context, String patientId) {
        var readAssessments = context.getBean(ReadAssessments.class);
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreException(PatientStates.StateUnavailable.class)
                .until(() -> neutrophilGrade(readAssessments, patientId), grade -> grade != null);
    }

    private static Integer neutrophilGrade(ReadAssessments readAssessments, String patientId) {
        if (!(readAssessments.of(patientId) instanceof ReadAssessments.Answer.Current current)) {
            throw new AssertionError("a single instance holds every patient");
        }
        List<Assessment> assessments = current.assessments();
        return assessments.stream()
                .filter(a -> a.criterion() == Criterion.NEUTROPHIL_COUNT_DECREASED)
                .map(Assessment::grade)
                .findFirst()
                .orElse(null);
    }

    private static LabResultRecorded anAnc(String patientId, String value) {
        Instant collected = Instant.now().minus(Duration.ofHours(1));
        return new LabResultRecorded(
                UUID.randomUUID(),
                patientId,
                collected,
                collected.plusSeconds(600),
                "lis",
                "lab-restart",
                null,
                "751-8",
                new BigDecimal(value),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.FINAL);
    }

    private static void publish(LabResultRecorded result) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(
                    Topics.LAB_RESULTS,
                    result.patientId(),
                    JsonMapper.builder().build().writeValueAsString(result)));
        }
    }
}
