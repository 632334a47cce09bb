package org.toxwatch.alerting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.toxwatch.model.Topics;

/**
 * Stands in for monitoring-service in alerting's integration tests: a member of the consumer group
 * {@code monitoring} on the clinical input topics that reads and commits as a Streams application does (the offset
 * after each record read), so alerting's grading-freshness check sees grading as live. A test can make it stop
 * reading while staying in the group (a hung grader), leave the group (a dead one) and come back.
 */
final class StandInGrader {

    static final String GROUP = "monitoring";
    static final List<String> INPUT_TOPICS = Topics.CLINICAL_INPUTS;

    /** alerting's default {@code toxwatch.alerting.topic-partitions}, which the tests do not change. */
    private static final int PARTITIONS = 6;

    private final String bootstrapServers;
    private volatile boolean reading = true;
    private volatile boolean paused;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;

    private StandInGrader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static StandInGrader start(String bootstrapServers) {
        createInputTopics(bootstrapServers);
        var grader = new StandInGrader(bootstrapServers);
        grader.join();
        Runtime.getRuntime().addShutdownHook(new Thread(grader::leave));
        return grader;
    }

    /** Joins the group and reads (again). */
    synchronized void join() {
        if (thread != null) {
            return;
        }
        reading = true;
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var running = consumer;
        thread = Thread.ofPlatform().daemon().name("stand-in-grader").start(() -> run(running));
    }

    /** Stays in the group but reads nothing from now on: records wait. */
    void stopReading() {
        reading = false;
        await().atMost(Duration.ofSeconds(30)).until(() -> paused);
    }

    void resumeReading() {
        reading = true;
    }

    /** Leaves the group, as a grader that has died. */
    synchronized void leave() {
        if (thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run(KafkaConsumer<byte[], byte[]> member) {
        try (member) {
            member.subscribe(INPUT_TOPICS);
            while (true) {
                if (reading) {
                    member.resume(member.assignment());
                    paused = false;
                } else {
                    member.pause(member.assignment());
                    paused = true;
                }
                var records = member.poll(Duration.ofMillis(100));
                var read = new HashMap<TopicPartition, OffsetAndMetadata>();
                records.forEach(record -> read.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                if (!read.isEmpty()) {
                    member.commitSync(read);
                }
            }
        } catch (WakeupException leaving) {
            // leave() asked the member to go; closing it leaves the group at once.
        }
    }

    /**
     * Creates the topics before the service under test starts, with the partitions it declares for those it
     * declares itself ({@code toxwatch.alerting.topic-partitions}): a topic it had to grow would reach its own
     * readers with the old partitions when their first metadata came before the growth, and they would not read
     * the new ones for five minutes (the client's metadata age): a patient record there stayed unread.
     */
    private static void createInputTopics(String bootstrapServers) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (String topic : INPUT_TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create " + topic, e);
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof IllegalStateException illegal) {
                throw illegal;
            }
            throw new IllegalStateException("could not create the clinical input topics", e);
        }
    }
}
