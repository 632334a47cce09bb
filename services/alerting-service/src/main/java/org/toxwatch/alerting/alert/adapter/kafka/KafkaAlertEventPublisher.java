package org.toxwatch.alerting.alert.adapter.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.toxwatch.alerting.alert.application.AlertEventPublisher;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.Topics;

/**
 * Publishes alert transitions and waits for the acknowledgement, so a failure fails the listener, which retries
 * the assessment; RaiseAlerts then publishes the recorded transition again.
 */
public final class KafkaAlertEventPublisher implements AlertEventPublisher {

    private final KafkaTemplate<String, Object> kafkaTemplate;

    public KafkaAlertEventPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    @Override
    public void publish(AlertChanged event) {
        send(event).await();
    }

    @Override
    public Sending send(AlertChanged event) {
        CompletableFuture<?> sent = kafkaTemplate.send(Topics.ALERT_EVENTS, event.patientId(), event);
        return () -> awaitAcknowledged(sent, event);
    }

    private static void awaitAcknowledged(CompletableFuture<?> sent, AlertChanged event) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing alert event " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish alert event " + event.eventId(), e);
        }
    }
}
