package org.toxwatch.monitoring.adapter.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.KafkaStreamsDeadLetterDestinationResolver;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.toxwatch.model.Topics;

/**
 * Where a record that cannot even be deserialized goes: the dead-letter topic of its input topic, written
 * by the Streams producer inside the same exactly-once transaction, with the exception in its headers and the
 * original bytes as its value. Each one is counted; the stream goes on.
 */
public final class PoisonRecordDeadLetters implements KafkaStreamsDeadLetterDestinationResolver {

    private static final Logger log = LoggerFactory.getLogger(PoisonRecordDeadLetters.class);

    private final MeterRegistry meterRegistry;

    public PoisonRecordDeadLetters(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    /** The Streams settings that route unreadable records here. */
    public static Map<String, Object> streamsSettings(MeterRegistry meterRegistry) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class,
                RecoveringDeserializationExceptionHandler.DLQ_DESTINATION_RESOLVER,
                new PoisonRecordDeadLetters(meterRegistry));
    }

    @Override
    public TopicPartition resolve(ErrorHandlerContext context, ConsumerRecord<?, ?> record, Exception exception) {
        log.warn(
                "Unreadable record at {}-{}@{} goes to the dead-letter topic: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                exception.getClass().getSimpleName());
        meterRegistry
                .counter("toxwatch.monitoring.poison.records", "topic", record.topic())
                .increment();
        return new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1);
    }
}
