package org.toxwatch.monitoring.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.toxwatch.model.Topics;
import org.toxwatch.monitoring.adapter.streams.MonitoringSerdes;
import org.toxwatch.monitoring.adapter.streams.MonitoringTopology;
import org.toxwatch.monitoring.adapter.streams.PoisonRecordDeadLetters;
import org.toxwatch.monitoring.adapter.streams.StreamsPatientStates;
import org.toxwatch.monitoring.application.ReadAssessments;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class MonitoringConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ToxicityGrader toxicityGrader(MonitoringProperties properties) {
        return new ToxicityGrader(properties.hospitalTimeZone(), properties.gradingSettings());
    }

    @Bean
    ReadAssessments readAssessments(
            StreamsBuilderFactoryBean streams,
            ToxicityGrader grader,
            Clock clock,
            @Value("${spring.kafka.streams.properties.application.server}") String applicationServer) {
        return new ReadAssessments(new StreamsPatientStates(streams, applicationServer), grader, clock);
    }

    @Bean
    WhatIfCalculator whatIfCalculator(ToxicityGrader grader) {
        return new WhatIfCalculator(grader);
    }

    @Bean
    MonitoringTopology monitoringTopology(
            StreamsBuilder streamsBuilder,
            ToxicityGrader grader,
            JsonMapper jsonMapper,
            Clock clock,
            MeterRegistry meterRegistry) {
        var topology = new MonitoringTopology(grader, new MonitoringSerdes(jsonMapper), clock, meterRegistry);
        topology.addTo(streamsBuilder);
        return topology;
    }

    /**
     * Unreadable records go to their topic's dead-letter topic through the Streams producer (exactly-once), a
     * clean stop leaves the consumer group, and a dead stream thread is replaced (see StreamThreadReplacement).
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer poisonRecordsToDeadLetters(MeterRegistry meterRegistry) {
        return factoryBean -> {
            var configuration = factoryBean.getStreamsConfiguration();
            configuration.putAll(PoisonRecordDeadLetters.streamsSettings(meterRegistry));
            factoryBean.setStreamsConfiguration(configuration);
            // A clean stop leaves the group, so a restart is assigned its partitions at once instead of after
            // the old member's session times out.
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setStreamsUncaughtExceptionHandler(
                    new StreamThreadReplacement(5, Duration.ofMinutes(10), Clock.systemUTC()));
        };
    }

    @Bean
    KafkaStreamsLivenessIndicator kafkaStreamsLivenessHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsLivenessIndicator(streams);
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }

    @Bean
    KafkaAdmin.NewTopics monitoringTopics(MonitoringProperties properties) {
        return new KafkaAdmin.NewTopics(List.of(
                        Topics.ASSESSMENTS,
                        Topics.PATIENT_GRADES,
                        Topics.LAB_RESULTS,
                        Topics.VITAL_SIGNS,
                        Topics.THERAPY_EVENTS,
                        Topics.NEURO_ASSESSMENTS,
                        Topics.CLINICAL_FINDINGS,
                        Topics.DOSE_PLANS,
                        Topics.PATIENTS,
                        Topics.LAB_RESULTS_DLT,
                        Topics.VITAL_SIGNS_DLT,
                        Topics.THERAPY_EVENTS_DLT,
                        Topics.NEURO_ASSESSMENTS_DLT,
                        Topics.CLINICAL_FINDINGS_DLT,
                        Topics.DOSE_PLANS_DLT,
                        Topics.PATIENTS_DLT)
                .stream()
                .map(name -> topic(name, properties))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MonitoringProperties properties) {
        var topic = TopicBuilder.name(name).partitions(properties.topicPartitions());
        return (Topics.COMPACTED.contains(name) ? topic.compact() : topic).build();
    }
}
