package org.toxwatch.monitoring.benchmark;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.model.ClinicalEvents;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.MonitoringApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load harness, not a test: the production monitoring application (exactly_once_v2, its RocksDB patient
 * store, commit interval 100 ms) on the embedded KRaft broker, all in one JVM on this machine.
 *
 * <ol>
 *   <li><b>Throughput</b>: a backlog of {@code patients x eventsPerPatient} records (CAR-T patients: an infusion,
 *       then labs without a reported range, so the 13.4 defaults apply, and vital signs; about 60% labs) is written before the application starts; the figure is the
 *       backlog divided by the time from start until the application's committed offsets reach the end.
 *   <li><b>Latency</b>: ANC results at a fixed rate, each flipping its patient's grade (0.4 then 1.2 x10^9/L), so
 *       that each is answered by an assessment; latency is from the send to the assessment read back.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl services/monitoring-service test-compile exec:exec -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.toxwatch.monitoring.benchmark.MonitoringLoadHarness
 * 10000 20 1000 30"} (patients, events per patient, records/s, seconds).
 */
public final class MonitoringLoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant INFUSED = Instant.now().minus(Duration.ofDays(10));

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int eventsPerPatient = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path data = Files.createTempDirectory("toxwatch-monitoring-load-");
        try (var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0)) {
            broker.createTopics(Topics.ALL, 6);
            String bootstrap = broker.bootstrapServers();
            long backlog = writeBacklog(bootstrap, patients, eventsPerPatient);
            long started = System.nanoTime();
            var springArgs = new java.util.ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--spring.kafka.streams.state-dir=" + data.resolve("streams"),
                    "--server.port=0",
                    "--toxwatch.security.credentials-file=" + data.resolve("credentials"),
                    "--logging.level.root=WARN"));
            // Anything after the four numbers is a setting to try, e.g.
            // --spring.kafka.streams.properties.num.stream.threads=2
            springArgs.addAll(List.of(args).subList(Math.min(4, args.length), args.length));
            ConfigurableApplicationContext app =
                    SpringApplication.run(MonitoringApplication.class, springArgs.toArray(String[]::new));
            try (app) {
                awaitCaughtUp(bootstrap, "monitoring");
                double secondsTaken = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "backlog: %d records (%d patients x %d) processed in %.1f s from application start: %.0f"
                                + " records/s (start-up included)%n",
                        backlog, patients, eventsPerPatient, secondsTaken, backlog / secondsTaken);
                latency(bootstrap, rate, Duration.ofSeconds(seconds), patients);
            }
        }
        System.exit(0);
    }

    private static long writeBacklog(String bootstrap, int patients, int eventsPerPatient) throws Exception {
        var random = new Random(42);
        long written = 0;
        try (var producer = producer(bootstrap, true)) {
            for (int p = 0; p < patients; p++) {
                String patient = "LOAD-" + p;
                send(
                        producer,
                        Topics.THERAPY_EVENTS,
                        patient,
                        ClinicalEvents.aTherapyEvent(patient, TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, INFUSED));
                written++;
                for (int e = 1; e < eventsPerPatient; e++) {
                    Instant at = INFUSED.plus(Duration.ofHours(4L * e));
                    if (random.nextInt(10) < 6) {
                        String[] lab = LABS[random.nextInt(LABS.length)];
                        String value = new BigDecimal(lab[3])
                                .multiply(BigDecimal.valueOf(0.5 + random.nextDouble()))
                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString();
                        send(
                                producer,
                                Topics.LAB_RESULTS,
                                patient,
                                ClinicalEvents.aLabResult(patient, lab[0], value, lab[1], at));
                    } else {
                        send(producer, Topics.VITAL_SIGNS, patient, vitals(patient, random, at));
                    }
                    written++;
                }
            }
            producer.flush();
        }
        return written;
    }

    private static void latency(String bootstrap, int rate, Duration duration, int patients) throws Exception {
        var sentAt = new ConcurrentHashMap<String, Long>();
        var histogram = new Histogram(60_000_000L, 3);
        var received = new AtomicLong();
        var done = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "load-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "latest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class))) {
                consumer.subscribe(List.of(Topics.ASSESSMENTS));
                while (!done.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String cause = JSON.readTree(record.value())
                                .path("sourceMessageId")
                                .asString("");
                        Long sent = sentAt.remove(cause);
                        if (sent != null) {
                            histogram.recordValue(Math.min((now - sent) / 1_000, 59_999_999L));
                            received.incrementAndGet();
                        }
                    }
                }
            }
        });
        Thread.sleep(3_000); // the reader's group joins before the first send
        long intervalNanos = 1_000_000_000L / rate;
        long sent = 0;
        try (var producer = producer(bootstrap, false)) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            var flips = new HashMap<String, Boolean>();
            while (System.nanoTime() < end) {
                long due = start + sent * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String patient = "LOAD-" + (sent % patients);
                boolean low = !flips.getOrDefault(patient, false);
                flips.put(patient, low);
                String messageId = "lat-" + sent;
                var anc = new LabResultRecorded(
                        UUID.randomUUID(),
                        patient,
                        Instant.now().minusSeconds(600),
                        Instant.now(),
                        "load",
                        messageId,
                        null,
                        "751-8",
                        new BigDecimal(low ? "0.4" : "1.2"),
                        "10*9/L",
                        new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                        ResultStatus.FINAL);
                sentAt.put(messageId, System.nanoTime());
                send(producer, Topics.LAB_RESULTS, patient, anc);
                sent++;
            }
        }
        Thread.sleep(5_000);
        done.set(true);
        reader.join();
        System.out.printf(
                "latency at %d records/s for %d s: %d sent, %d assessments matched; ANC send -> assessment read:"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate,
                duration.toSeconds(),
                sent,
                received.get(),
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    private static void awaitCaughtUp(String bootstrap, String group) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var inputs = List.of(Topics.LAB_RESULTS, Topics.VITAL_SIGNS, Topics.THERAPY_EVENTS);
            var request = new HashMap<TopicPartition, OffsetSpec>();
            admin.describeTopics(inputs)
                    .allTopicNames()
                    .get()
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(request).all().get();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> {
                    var at = committed.get(end.getKey());
                    return end.getValue().offset() == 0
                            || at != null && at.offset() >= end.getValue().offset();
                });
                if (caughtUp) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    private static final String[][] LABS = {
        {"751-8", "10*9/L", "1.8", "2.0"},
        {"777-3", "10*9/L", "150", "120"},
        {"718-7", "g/dL", "12", "10"},
        {"1742-6", "U/L", "7", "60"},
        {"1920-8", "U/L", "10", "50"},
        {"1975-2", "mg/dL", "0.1", "1.2"},
    };

    private static VitalSignsRecorded vitals(String patient, Random random, Instant at) {
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                patient,
                at,
                at.plusSeconds(60),
                "load",
                "backlog-" + UUID.randomUUID(),
                new BigDecimal(36 + random.nextInt(4) + "." + random.nextInt(10)),
                new BigDecimal(70 + random.nextInt(60)),
                new BigDecimal(85 + random.nextInt(50)),
                new BigDecimal(50 + random.nextInt(30)),
                null,
                new BigDecimal(90 + random.nextInt(10)),
                new BigDecimal(12 + random.nextInt(14)),
                null,
                null,
                null,
                ResultStatus.FINAL);
    }

    private static KafkaProducer<String, String> producer(String bootstrap, boolean batch) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                batch ? 20 : 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value)));
    }

    private MonitoringLoadHarness() {}
}
