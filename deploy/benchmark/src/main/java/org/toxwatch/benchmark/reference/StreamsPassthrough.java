package org.toxwatch.benchmark.reference;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The monitoring reference: Kafka Streams with monitoring's settings (exactly_once_v2, commit interval 100 ms, one
 * stream thread) reading monitoring's three input topics, reading and writing a per-patient RocksDB key-value store
 * (with its changelog) for every record, and forwarding the record unchanged to one output topic.
 *
 * <p>Arguments: bootstrap servers, state directory, application id, input topics (comma-separated), output topic.
 */
public final class StreamsPassthrough {

    public static final String STORE = "patient-store";

    private StreamsPassthrough() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.exitWithParent();
        var builder = new StreamsBuilder();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String()));
        builder.stream(
                        List.of(args[3].split(",")),
                        Consumed.with(Serdes.String(), Serdes.String()).withName("read-inputs"))
                .process(RememberPatient::new, Named.as("remember-patient"), STORE)
                .to(args[4], Produced.with(Serdes.String(), Serdes.String()).withName("write-output"));
        var settings = new Properties();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, args[1]);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        var streams = new KafkaStreams(builder.build(), settings);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }

    /** Reads the patient's previous value, stores the new one and forwards the record. */
    private static final class RememberPatient implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> patients;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.patients = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            patients.get(record.key()); // read, then write: monitoring's per-patient state costs both
            patients.put(record.key(), record.value());
            context.forward(record);
        }
    }
}
