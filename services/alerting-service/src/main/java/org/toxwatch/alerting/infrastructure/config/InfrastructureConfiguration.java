package org.toxwatch.alerting.infrastructure.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.toxwatch.alerting.infrastructure.adapter.kafka.DeadLetters;
import org.toxwatch.model.Topics;

/**
 * What every feature of alerting runs on: the clock, scheduling, the topics it reads and writes, and the one error
 * handler and dead-letter path of every listener container.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InfrastructureConfiguration {

    /** How long a failing record is retried before it is dead-lettered; it holds up its partition meanwhile. */
    static final Duration LISTENER_RETRIES = Duration.ofSeconds(10);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DeadLetters deadLetters(MeterRegistry meterRegistry) {
        return new DeadLetters(meterRegistry);
    }

    /**
     * The one error handler, which Spring Boot gives every listener container (assessment reader, patient and
     * observation readers, webhook dispatcher, live feed): bounded retries, then the dead-letter topic (see
     * {@link DeadLetters}). Unreadable records keep their original bytes.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultErrorHandler listenerErrorHandler(
            DeadLetters deadLetters,
            KafkaTemplate<String, Object> kafkaTemplate,
            ProducerFactory<String, Object> producerFactory,
            ProducerListener<Object, Object> producerListener) {
        // Keys are always readable (strings); an unreadable value is sent on as the bytes it came as.
        var rawBytes = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerFactory.getConfigurationProperties(), new StringSerializer(), new ByteArraySerializer()));
        // Its own template would log a failed send with the patient id and the record: the platform's does not.
        rawBytes.setProducerListener((ProducerListener) producerListener);
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawBytes);
        templates.put(Object.class, kafkaTemplate);
        return deadLetters.errorHandler(templates, LISTENER_RETRIES);
    }

    @Bean
    ListenerContainersLivenessIndicator kafkaListenersLivenessHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerContainersLivenessIndicator(registry);
    }

    @Bean
    KafkaAdmin.NewTopics alertingTopics(TopicProperties properties) {
        int partitions = properties.topicPartitions();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.ALERT_EVENTS).partitions(partitions).build(),
                TopicBuilder.name(Topics.ASSESSMENTS).partitions(partitions).build(),
                TopicBuilder.name(Topics.ASSESSMENTS_DLT).partitions(partitions).build(),
                // The newest record per patient is what counts, so the topic is compacted (contract).
                TopicBuilder.name(Topics.PATIENTS)
                        .partitions(partitions)
                        .compact()
                        .build(),
                TopicBuilder.name(Topics.PATIENTS_DLT).partitions(partitions).build(),
                // Where the webhook dispatcher's and live feed's unreadable or failing alert events go.
                TopicBuilder.name(Topics.deadLetterTopicOf(Topics.ALERT_EVENTS))
                        .partitions(partitions)
                        .build(),
                // Where the observation readers' unreadable or failing records go (ingest and monitoring declare
                // them too).
                TopicBuilder.name(Topics.LAB_RESULTS_DLT).partitions(partitions).build(),
                TopicBuilder.name(Topics.VITAL_SIGNS_DLT).partitions(partitions).build(),
                TopicBuilder.name(Topics.THERAPY_EVENTS_DLT)
                        .partitions(partitions)
                        .build());
    }
}
