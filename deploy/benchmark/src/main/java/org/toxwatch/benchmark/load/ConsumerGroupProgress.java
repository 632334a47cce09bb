package org.toxwatch.benchmark.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * How fast a consumer group works through what its input topics hold now, read from the offsets it commits. The
 * rate runs from the first commit seen to the commit that reaches the end, so a JVM's start-up and the group join
 * count for neither side of a comparison.
 */
public final class ConsumerGroupProgress implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Admin admin;
    private final Map<TopicPartition, Long> ends;

    /** What one group did with the records. */
    public record Drain(long records, double secondsFromFirstCommit, double secondsFromStart) {
        public double recordsPerSecond() {
            return records / secondsFromFirstCommit;
        }
    }

    private ConsumerGroupProgress(Admin admin, Map<TopicPartition, Long> ends) {
        this.admin = admin;
        this.ends = ends;
    }

    /** Takes the current end of every partition of {@code topics} as the finish line. */
    public static ConsumerGroupProgress upToNow(String bootstrapServers, List<String> topics)
            throws ExecutionException, InterruptedException {
        var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        var request = new HashMap<TopicPartition, OffsetSpec>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = new HashMap<TopicPartition, Long>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return new ConsumerGroupProgress(admin, Map.copyOf(ends));
    }

    /** Waits until {@code group} is stable with at least one partition assigned, so nothing sent is waited for. */
    public static void awaitAssigned(String bootstrapServers, String group, Duration timeout)
            throws ExecutionException, InterruptedException {
        try (var admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (assigned(admin, group)) {
                    return;
                }
                Thread.sleep(POLL); // a probe, not a test
            }
            throw new IllegalStateException(group + " had no partitions assigned within " + timeout);
        }
    }

    private static boolean assigned(Admin admin, String group) throws ExecutionException, InterruptedException {
        try {
            var description =
                    admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            int partitions = description.members().stream()
                    .mapToInt(member -> member.assignment().topicPartitions().size())
                    .sum();
            return description.groupState() == GroupState.STABLE && partitions > 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false; // the consumer has not joined yet
            }
            throw e;
        }
    }

    public long records() {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Polls the group's committed offsets until every partition reaches its finish line. */
    public Drain awaitDrained(String group, Duration timeout) throws ExecutionException, InterruptedException {
        return awaitDrained(group, timeout, 0);
    }

    /**
     * As {@link #awaitDrained(String, Duration)}, with the first {@code warmUp} records of the input (written before
     * the measured ones) not counted: the clock starts at the first commit seen at or past them.
     */
    public Drain awaitDrained(String group, Duration timeout, long warmUp)
            throws ExecutionException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long firstCommitAt = 0;
        long committedAtFirstCommit = 0;
        while (System.nanoTime() < deadline) {
            long done = committed(group);
            long now = System.nanoTime();
            if (firstCommitAt == 0 && done > 0 && done >= warmUp) {
                firstCommitAt = now;
                committedAtFirstCommit = done;
            }
            if (done >= records()) {
                long measured = records() - committedAtFirstCommit;
                if (measured > 0) {
                    return new Drain(measured, (now - firstCommitAt) / 1e9, (now - started) / 1e9);
                }
                if (warmUp > 0) {
                    throw new IllegalStateException(
                            group + " committed the measured records with the warm-up's last: no rate to measure");
                }
                // Everything in one commit: the rate is unknown from commits; count the whole drain from the start.
                return new Drain(records(), (now - started) / 1e9, (now - started) / 1e9);
            }
            Thread.sleep(POLL); // a probe, not a test: polling without burning one of the two cores it measures
        }
        throw new IllegalStateException(group + " did not reach the end of its input within " + timeout);
    }

    private long committed(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        long done = 0;
        for (var end : ends.entrySet()) {
            var at = committed.get(end.getKey());
            done += at == null ? 0 : Math.min(at.offset(), end.getValue());
        }
        return done;
    }

    @Override
    public void close() {
        admin.close();
    }
}
