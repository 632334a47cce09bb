package org.toxwatch.benchmark.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Topics;

/**
 * ANC results at a fixed rate to patients of the backlog, each flipping its patient's ANC between 0.4 and 1.2 so
 * that monitoring answers each with an assessment; the answer is matched on the result's source message id in the
 * output topic (read committed). Latency is from the <em>intended</em> send time of the schedule: a send that falls
 * behind is charged its delay, so a stall is not hidden by the sender waiting for it (no coordinated omission). A
 * record still unanswered 15 s after the last send counts with the time it had waited by then.
 */
public final class FixedRateLatency {

    private static final long MAX_MICROS = 120_000_000L;

    /** The figures of one run; latencies in milliseconds. */
    public record Result(long sent, long answered, double p50, double p99, double max) {}

    private FixedRateLatency() {}

    public static Result measure(
            String bootstrapServers, String outputTopic, int perSecond, Duration duration, int patients)
            throws InterruptedException {
        var intendedAt = new ConcurrentHashMap<String, Long>();
        var histogram = new Histogram(MAX_MICROS, 3);
        var answered = new AtomicLong();
        var stop = new AtomicBoolean();
        var positioned = new java.util.concurrent.CountDownLatch(1);
        Thread reader = Thread.ofPlatform().name("latency-reader").start(() -> {
            try (var consumer = reader(bootstrapServers)) {
                List<TopicPartition> partitions = consumer.partitionsFor(outputTopic).stream()
                        .map(info -> new TopicPartition(outputTopic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (!stop.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        String cause = JsonRecords.JSON
                                .readTree(record.value())
                                .path("sourceMessageId")
                                .asString("");
                        Long intended = intendedAt.remove(cause);
                        if (intended != null) {
                            synchronized (histogram) {
                                histogram.recordValue(Math.min((now - intended) / 1_000, MAX_MICROS));
                            }
                            answered.incrementAndGet();
                        }
                    }
                }
            }
        });
        positioned.await();
        long interval = 1_000_000_000L / perSecond;
        long sent = 0;
        try (var records = JsonRecords.immediate(bootstrapServers)) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            var low = new HashMap<String, Boolean>();
            for (long intended = start; intended < end; intended = start + sent * interval) {
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                String patient = MonitoringBacklog.patient((int) (sent % patients));
                boolean lowNow = !low.getOrDefault(patient, false);
                low.put(patient, lowNow);
                String messageId = "latency-" + sent;
                intendedAt.put(messageId, intended);
                records.send(Topics.LAB_RESULTS, patient, anAnc(patient, messageId, lowNow ? "0.4" : "1.2"));
                sent++;
            }
        }
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (answered.get() < sent && System.nanoTime() < drainDeadline) {
            Thread.sleep(20); // a probe, not a test
        }
        stop.set(true);
        reader.join();
        long givenUp = System.nanoTime();
        synchronized (histogram) {
            // Never answered: at least this late. Leaving them out would flatter the percentiles.
            intendedAt
                    .values()
                    .forEach(intended -> histogram.recordValue(Math.min((givenUp - intended) / 1_000, MAX_MICROS)));
            return new Result(
                    sent,
                    answered.get(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }

    private static LabResultRecorded anAnc(String patient, String messageId, String value) {
        Instant now = Instant.now();
        return new LabResultRecorded(
                UUID.randomUUID(),
                patient,
                now.minusSeconds(600),
                now,
                "load",
                messageId,
                null,
                "751-8",
                new BigDecimal(value),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.FINAL);
    }

    private static KafkaConsumer<String, String> reader(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    }
}
