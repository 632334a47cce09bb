package org.toxwatch.benchmark.reference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The floor under every stage: a bare Kafka consumer in a group that reads a topic and commits after each poll,
 * doing nothing with the records. The benchmark times the same records from their first send until this group
 * has committed them all.
 *
 * <p>Arguments: bootstrap servers, topic, group.
 */
public final class BareConsumer {

    private BareConsumer() {}

    public static void main(String[] args) {
        ParentWatch.exitWithParent();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                args[0],
                ConsumerConfig.GROUP_ID_CONFIG,
                args[2],
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(args[1]));
            while (true) {
                if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
    }
}
