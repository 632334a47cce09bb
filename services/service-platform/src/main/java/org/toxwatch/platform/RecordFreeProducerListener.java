package org.toxwatch.platform;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Replaces Spring Kafka's default producer listener, which logs the key and the payload of every record it
 * failed to send: in ToxWatch that is a patient id and a clinical event, written to the log exactly when Kafka
 * is away. This one names the topic and the kind of failure only (an exception's message can quote the record).
 */
final class RecordFreeProducerListener implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(RecordFreeProducerListener.class);

    @Override
    public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
        Throwable cause = exception.getCause();
        log.error(
                "Sending a record to {} failed: {}{}",
                LogValues.oneLine(RecordLogFormat.describe(record)),
                exception.getClass().getSimpleName(),
                cause == null ? "" : " caused by " + cause.getClass().getSimpleName());
    }
}
