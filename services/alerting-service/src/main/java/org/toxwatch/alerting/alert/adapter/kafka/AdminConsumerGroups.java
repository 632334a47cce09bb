package org.toxwatch.alerting.alert.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.alerting.alert.application.ConsumerGroups;
import org.toxwatch.alerting.alert.domain.freshness.GroupSample;
import org.toxwatch.alerting.alert.domain.freshness.PartitionOffsets;
import org.toxwatch.alerting.alert.domain.freshness.WatchedGroup;

/**
 * Asks the broker with the Admin client: active members of each group ({@code describeConsumerGroups}), its
 * committed offsets and the partitions' read-committed end offsets. A transactional writer (monitoring, under
 * exactly-once) leaves a commit marker after its records, and readers commit the marker's offset, so a gap of
 * one is checked with a read: when nothing readable lies there, the partition is read to the end.
 */
public final class AdminConsumerGroups implements ConsumerGroups, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminConsumerGroups.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MARKER_READ = Duration.ofSeconds(2);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    /** @param connection bootstrap servers and security settings, as the service's Admin client has them */
    public AdminConsumerGroups(Map<String, Object> connection) {
        var adminConfig = new HashMap<>(connection);
        adminConfig.put("request.timeout.ms", (int) TIMEOUT.toMillis());
        adminConfig.put("default.api.timeout.ms", (int) TIMEOUT.toMillis());
        this.admin = Admin.create(adminConfig);
        var readerConfig = new HashMap<String, Object>();
        connection.forEach((key, value) -> {
            if (key.equals("bootstrap.servers")
                    || key.startsWith("security.")
                    || key.startsWith("ssl.")
                    || key.startsWith("sasl.")) {
                readerConfig.put(key, value);
            }
        });
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "alerting.grading-freshness");
        this.reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public List<GroupSample> sample(List<WatchedGroup> groups) {
        try {
            return sampleNow(groups);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn(
                    "Could not ask the broker about the consumer groups: {}",
                    e.getClass().getSimpleName());
            throw new IllegalStateException("the broker did not answer about the consumer groups", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking the broker about the consumer groups", e);
        }
    }

    private List<GroupSample> sampleNow(List<WatchedGroup> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        var topics = new LinkedHashSet<String>();
        groups.forEach(group -> topics.addAll(group.topics()));
        Map<String, List<TopicPartition>> partitions = partitionsOf(topics);
        var all = partitions.values().stream().flatMap(List::stream).toList();
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());

        var samples = new ArrayList<GroupSample>();
        for (WatchedGroup group : groups) {
            var its = group.topics().stream()
                    .flatMap(topic -> partitions.getOrDefault(topic, List.of()).stream())
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group.group(), its);
            var offsets = new HashMap<TopicPartition, long[]>();
            for (TopicPartition partition : its) {
                var mark = committed.get(partition);
                long read = mark == null ? starts.getOrDefault(partition, 0L) : mark.offset();
                offsets.put(partition, new long[] {read, Math.max(read, ends.getOrDefault(partition, read))});
            }
            Set<TopicPartition> markersOnly = nothingReadableBeyondCommitted(offsets);
            var sampled = its.stream()
                    .map(partition -> {
                        long[] pair = offsets.get(partition);
                        long end = markersOnly.contains(partition) ? pair[0] : pair[1];
                        return new PartitionOffsets(partition.topic(), partition.partition(), pair[0], end);
                    })
                    .toList();
            samples.add(new GroupSample(group.group(), activeMembers(group.group()), sampled));
        }
        return samples;
    }

    private Map<String, List<TopicPartition>> partitionsOf(Set<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        var partitions = new HashMap<String, List<TopicPartition>>();
        var described = admin.describeTopics(topics).topicNameValues();
        for (var entry : described.entrySet()) {
            try {
                TopicDescription topic = entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                partitions.put(
                        entry.getKey(),
                        topic.partitions().stream()
                                .map(info -> new TopicPartition(entry.getKey(), info.partition()))
                                .toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // Not created yet: nothing written, nothing to wait for.
            }
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(partition -> request.put(partition, spec));
        var answer = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var offsets = new HashMap<TopicPartition, Long>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group, List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            var spec = new ListConsumerGroupOffsetsSpec().topicPartitions(partitions);
            var answer = admin.listConsumerGroupOffsets(Map.of(group, spec))
                    .partitionsToOffsetAndMetadata(group)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var committed = new HashMap<TopicPartition, OffsetAndMetadata>();
            answer.forEach((partition, mark) -> {
                if (mark != null) {
                    committed.put(partition, mark);
                }
            });
            return committed;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    private int activeMembers(String group) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return description.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    /** Of the partitions exactly one offset behind, those where only a transaction marker lies there. */
    private Set<TopicPartition> nothingReadableBeyondCommitted(Map<TopicPartition, long[]> offsets) {
        var undecided = new HashSet<TopicPartition>();
        offsets.forEach((partition, pair) -> {
            if (pair[1] - pair[0] == 1) {
                undecided.add(partition);
            }
        });
        if (undecided.isEmpty()) {
            return Set.of();
        }
        var markersOnly = new HashSet<TopicPartition>();
        reader.assign(undecided);
        undecided.forEach(partition -> reader.seek(partition, offsets.get(partition)[0]));
        long deadline = System.nanoTime() + MARKER_READ.toNanos();
        try {
            while (!undecided.isEmpty() && System.nanoTime() < deadline) {
                var records = reader.poll(Duration.ofMillis(100));
                undecided.removeAll(records.partitions());
                for (TopicPartition partition : List.copyOf(undecided)) {
                    if (reader.position(partition, TIMEOUT) >= offsets.get(partition)[1]) {
                        undecided.remove(partition);
                        markersOnly.add(partition);
                    }
                }
            }
        } finally {
            reader.assign(List.of());
        }
        // Undecided ones count as waiting: when in doubt, say late rather than live.
        return markersOnly;
    }

    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(2));
    }
}
