package org.toxwatch.benchmark.load;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** A producer of wire events as JSON text keyed by patient, as the services write them. */
public final class JsonRecords implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    private JsonRecords(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    /** For backlogs: records batched for up to 20 ms. */
    public static JsonRecords batching(String bootstrapServers) {
        return new JsonRecords(producer(bootstrapServers, 20));
    }

    /** For latency: each record sent at once. */
    public static JsonRecords immediate(String bootstrapServers) {
        return new JsonRecords(producer(bootstrapServers, 0));
    }

    public void send(String topic, String key, Object event) {
        producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(event)));
    }

    /** Waits until everything sent so far is acknowledged by the broker. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers, int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }
}
