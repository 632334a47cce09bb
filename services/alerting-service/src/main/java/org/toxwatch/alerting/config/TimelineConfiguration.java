package org.toxwatch.alerting.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.toxwatch.alerting.adapter.kafka.ObservationListener;
import org.toxwatch.alerting.adapter.mongo.MongoObservationLog;
import org.toxwatch.alerting.application.ObservationLog;
import org.toxwatch.alerting.application.RecordObservations;
import org.toxwatch.model.Topics;

/**
 * The patient timeline's observation log: ingest's lab results, vital signs and therapy events read into MongoDB
 * (the listener shares the one error handler and dead-letter path of {@link AlertingConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    /** The hospital's zone, in which the console shows every time. */
    @Bean
    ZoneId hospitalTimeZone(TimelineProperties properties) {
        return Objects.requireNonNull(properties.hospitalTimeZone());
    }

    @Bean
    ObservationLog observationLog(MongoTemplate mongoTemplate, TimelineProperties properties) {
        return new MongoObservationLog(
                mongoTemplate,
                Objects.requireNonNull(properties.observationsPerPatient()),
                Objects.requireNonNull(properties.observationRetention()));
    }

    @Bean
    RecordObservations recordObservations(ObservationLog observationLog) {
        return new RecordObservations(observationLog);
    }

    @Bean
    ObservationListener observationListener(RecordObservations recordObservations, MeterRegistry meterRegistry) {
        return new ObservationListener(recordObservations, meterRegistry);
    }

    /** Where the observation listener's unreadable or failing records go (ingest and monitoring declare them too). */
    @Bean
    KafkaAdmin.NewTopics observationDeadLetterTopics(AlertingProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.LAB_RESULTS_DLT)
                        .partitions(properties.topicPartitions())
                        .build(),
                TopicBuilder.name(Topics.VITAL_SIGNS_DLT)
                        .partitions(properties.topicPartitions())
                        .build(),
                TopicBuilder.name(Topics.THERAPY_EVENTS_DLT)
                        .partitions(properties.topicPartitions())
                        .build());
    }
}
