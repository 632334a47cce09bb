package org.toxwatch.alerting.infrastructure.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.toxwatch.model.Topics;
import org.toxwatch.platform.LogValues;

/**
 * What every alerting listener does with a record it cannot handle: a transient failure (Kafka or MongoDB
 * briefly away, a concurrent update) is retried with back-off for a bounded time, then the record goes to
 * {@code <topic>-dlt} and the consumer moves on; an unreadable record goes there at once, with its original
 * bytes. Each dead letter is counted in {@code toxwatch.alerting.dead.letters{topic,reason}}.
 *
 * <p>Exception messages may quote the record (a parser names the token it choked on, a store the duplicate
 * key), so neither the dead-letter headers nor the log lines carry them: only the kind of failure, the exception
 * classes and the record's topic, partition and offset.
 */
public final class DeadLetters implements RetryListener {

    public static final String UNREADABLE = "unreadable";
    public static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry meterRegistry;

    public DeadLetters(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    /**
     * The error handler for every listener container.
     *
     * @param templates by value type: raw bytes for unreadable records, the JSON template for the others
     * @param retryFor how long a failing record is retried before it is dead-lettered
     */
    public DefaultErrorHandler errorHandler(Map<Class<?>, KafkaOperations<?, ?>> templates, Duration retryFor) {
        var recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        recoverer.setExceptionHeadersCreator(DeadLetters::headers);
        recoverer.setLogLevel(KafkaException.Level.DEBUG);
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(this);
        return handler;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        log.warn(
                "Attempt {} at {} failed: {}",
                deliveryAttempt,
                KafkaUtils.format(record),
                LogValues.exceptionClasses(exception));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
        String reason = reasonOf(exception);
        meterRegistry
                .counter("toxwatch.alerting.dead.letters", "topic", record.topic(), "reason", reason)
                .increment();
        log.error(
                "Dead-lettered {} to {} ({}): {}",
                KafkaUtils.format(record),
                Topics.deadLetterTopicOf(record.topic()),
                reason,
                LogValues.exceptionClasses(exception));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error(
                "Could not dead-letter {} ({}); it is tried again: {}",
                KafkaUtils.format(record),
                LogValues.exceptionClasses(original),
                LogValues.exceptionClasses(failure));
    }

    static String reasonOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException) {
                return UNREADABLE;
            }
        }
        return FAILED;
    }

    private static void headers(
            Headers headers, Exception exception, boolean isKey, DeadLetterPublishingRecoverer.HeaderNames names) {
        var info = names.getExceptionInfo();
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = reasonOf(exception).equals(UNREADABLE)
                ? "unreadable: the record could not be deserialized ("
                        + root.getClass().getSimpleName() + ")"
                : "failed: still failing after bounded retries ("
                        + root.getClass().getSimpleName() + ")";
        headers.add(
                isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
                bytes(exception.getClass().getName()));
        headers.add(info.getExceptionCauseFqcn(), bytes(root.getClass().getName()));
        headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), bytes(reason));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
