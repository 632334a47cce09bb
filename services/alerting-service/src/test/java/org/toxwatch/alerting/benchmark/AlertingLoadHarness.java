package org.toxwatch.alerting.benchmark;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.toxwatch.alerting.AlertingApplication;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load harness, not a test: the production alerting application on the embedded broker and MongoDB-wire store,
 * fed N assessments as fast as the broker takes them (P patients, three toxicity families, grades rising 2 to 4 so
 * episodes are raised, worsened and updated). Measures from the first send until every assessment is in the
 * timeline store and every resulting transition in the audit trail, and prints assessments/s.
 *
 * <p>Run: {@code ./mvnw -q -pl services/alerting-service test-compile exec:exec -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.toxwatch.alerting.benchmark.AlertingLoadHarness 5000
 * 250"} (assessments, patients).
 */
public final class AlertingLoadHarness {

    private static final List<Criterion> CRITERIA = List.of(
            Criterion.NEUTROPHIL_COUNT_DECREASED,
            Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
            Criterion.CREATININE_INCREASED);

    public static void main(String[] args) throws Exception {
        int assessments = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        Path data = Files.createTempDirectory("toxwatch-alerting-load-");
        try (var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
                var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), 0)) {
            broker.createTopics(Topics.ALL, 6);
            ConfigurableApplicationContext app = SpringApplication.run(
                    AlertingApplication.class,
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--spring.mongodb.uri=" + mongo.connectionString() + "/alerting-load",
                    "--server.port=0",
                    "--toxwatch.security.credentials-file=" + data.resolve("credentials"),
                    "--toxwatch.alerting.webhooks.secret-key-file=" + data.resolve("webhook-secret-key"),
                    "--logging.level.root=WARN");
            try (app) {
                var listeners = app.getBean(KafkaListenerEndpointRegistry.class);
                while (listeners.getListenerContainers().stream()
                        .anyMatch(c -> c.getAssignedPartitions() == null
                                || c.getAssignedPartitions().isEmpty())) {
                    Thread.sleep(20); // a harness, not a test: polling without burning one of the cores it measures
                }
                var store = app.getBean(MongoTemplate.class);
                Instant start = Instant.now();
                publish(broker.bootstrapServers(), assessments, patients);
                Duration published = Duration.between(start, Instant.now());
                long stored;
                while ((stored = store.getCollection("assessments").countDocuments()) < assessments) {
                    Thread.sleep(20); // a harness, not a test: polling without burning one of the cores it measures
                }
                Duration elapsed = Duration.between(start, Instant.now());
                long episodes = store.getCollection("alerts").countDocuments();
                long transitions = store.getCollection("alert_audit").countDocuments();
                System.out.printf(
                        "%d assessments for %d patients: sent in %d ms; stored and turned into %d episodes / %d"
                                + " audited transitions in %d ms = %.0f assessments/s%n",
                        stored,
                        patients,
                        published.toMillis(),
                        episodes,
                        transitions,
                        elapsed.toMillis(),
                        stored * 1000.0 / elapsed.toMillis());
            }
        }
        System.exit(0);
    }

    private static void publish(String bootstrapServers, int count, int patients) throws Exception {
        var json = JsonMapper.builder().build();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            var sent = new ArrayList<Future<RecordMetadata>>(count);
            for (int i = 0; i < count; i++) {
                var assessment = assessment(i, patients);
                sent.add(producer.send(new ProducerRecord<>(
                        Topics.ASSESSMENTS, assessment.patientId(), json.writeValueAsString(assessment))));
            }
            for (var future : sent) {
                future.get();
            }
        }
    }

    /** The i-th assessment: patients in turn, each family in turn, the grade rising 2, 3, 4 and staying there. */
    private static ToxicityAssessed assessment(int i, int patients) {
        String patient = "LOAD-" + (i % patients);
        int round = i / patients;
        Criterion criterion = CRITERIA.get(round % CRITERIA.size());
        int grade = Math.min(4, 2 + round / CRITERIA.size());
        Instant at = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(i);
        var evidence = new Evidence(
                UUID.randomUUID(),
                "751-8",
                "Neutrophils [#/volume] in Blood",
                new BigDecimal("0.4"),
                "10*9/L",
                new BigDecimal("0.4"),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                at,
                "load-" + i);
        return new ToxicityAssessed(
                UUID.randomUUID(),
                patient,
                at,
                at.plusSeconds(1),
                criterion,
                criterion.id(),
                grade,
                null,
                null,
                "load assessment",
                List.of(new AppliedThreshold(grade, "load", true)),
                List.of(evidence),
                false,
                ReferenceRangeSource.REPORTED,
                null,
                "load-catalogue",
                "monitoring",
                "load-" + i);
    }

    private AlertingLoadHarness() {}
}
