package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @TempDir
    Path data;

    @Test
    void kafkaBrokerKeepsRecordsAcrossARestartOfItsLogDirectory() throws Exception {
        Path logs = data.resolve("kafka");
        try (var broker = EmbeddedKafkaBroker.start(logs, 0)) {
            broker.createTopics(List.of("restart-check"), 1);
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                producer.send(new ProducerRecord<>("restart-check", "p-1", "before restart"))
                        .get();
            }
        }

        try (var broker = EmbeddedKafkaBroker.start(logs, 0)) {
            assertThat(readAll(broker.bootstrapServers(), "restart-check")).containsExactly("before restart");
        }
    }

    @Test
    void mongoServerKeepsDocumentsAcrossARestartOfItsStoreFile() {
        Path store = data.resolve("mongo");
        try (var mongo = EmbeddedMongoServer.start(store, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("toxwatch").getCollection("checks").insertOne(new Document("_id", "a").append("n", 1));
        }

        try (var mongo = EmbeddedMongoServer.start(store, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("toxwatch")
                    .getCollection("checks")
                    .find(new Document("_id", "a"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            var values = new ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
