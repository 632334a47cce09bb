package org.toxwatch.ingest.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.toxwatch.ingest.application.EventPublisher;
import org.toxwatch.ingest.application.OutboundEvent;

/**
 * Sends all events of one submission at once and waits for every acknowledgement (the producer runs with
 * {@code acks=all} and idempotence). Nothing is acknowledged to the sender before that.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final Duration ackTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, Object> kafkaTemplate, Duration ackTimeout) {
        this.kafkaTemplate = kafkaTemplate;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publishAll(List<OutboundEvent> events) {
        try {
            CompletableFuture<?>[] sends = events.stream()
                    .map(InputTopics::address)
                    .map(record -> kafkaTemplate.send(record.topic(), record.key(), record.payload()))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sends).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsNotStored("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new EventsNotStored("Kafka did not store the events", e.getCause());
        } catch (TimeoutException e) {
            throw new EventsNotStored("Kafka did not acknowledge within " + ackTimeout, e);
        } catch (RuntimeException e) {
            throw new EventsNotStored("Kafka refused the events", e);
        }
    }
}
