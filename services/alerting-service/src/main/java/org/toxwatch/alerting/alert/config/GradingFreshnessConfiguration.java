package org.toxwatch.alerting.alert.config;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.toxwatch.alerting.alert.adapter.kafka.AdminConsumerGroups;
import org.toxwatch.alerting.alert.adapter.kafka.AssessmentListener;
import org.toxwatch.alerting.alert.adapter.metrics.GradingFreshnessMetrics;
import org.toxwatch.alerting.alert.adapter.scheduling.GradingFreshnessScheduler;
import org.toxwatch.alerting.alert.application.ConsumerGroups;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.WatchedGroup;
import org.toxwatch.alerting.patient.adapter.kafka.ObservationListener;
import org.toxwatch.alerting.patient.adapter.kafka.PatientListener;
import org.toxwatch.model.Topics;

/**
 * Grading freshness, measured at the broker so that a stopped, paused or crashed grader shows even though it
 * reports nothing itself: monitoring's Streams application (its group is its application.id) on the clinical
 * input topics, and alerting's own assessment reader. Charting freshness, measured the same way, follows alerting's
 * readers behind the patient views (the timeline's observations and therapy events, the patient's details), which
 * alerts do not wait for: a reader behind there leaves a chart short while every alert is current.
 */
@Configuration(proxyBeanMethods = false)
class GradingFreshnessConfiguration {

    /** monitoring-service's Kafka Streams application.id, which is also its consumer group. */
    static final String MONITORING_GROUP = "monitoring";

    static final List<WatchedGroup> WATCHED = List.of(
            new WatchedGroup(
                    MONITORING_GROUP,
                    // a birth date stuck behind a stopped grader means a child graded with adult thresholds
                    Topics.CLINICAL_INPUTS),
            new WatchedGroup(AssessmentListener.GROUP, List.of(Topics.ASSESSMENTS)));

    static final List<WatchedGroup> CHARTED = List.of(
            new WatchedGroup(ObservationListener.LAB_RESULTS_GROUP, List.of(Topics.LAB_RESULTS)),
            new WatchedGroup(ObservationListener.VITAL_SIGNS_GROUP, List.of(Topics.VITAL_SIGNS)),
            new WatchedGroup(ObservationListener.THERAPY_EVENTS_GROUP, List.of(Topics.THERAPY_EVENTS)),
            new WatchedGroup(PatientListener.GROUP, List.of(Topics.PATIENTS)));

    @Bean(destroyMethod = "close")
    AdminConsumerGroups consumerGroups(KafkaAdmin kafkaAdmin) {
        return new AdminConsumerGroups(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    GradingFreshness gradingFreshness(ConsumerGroups consumerGroups, AlertingProperties properties, Clock clock) {
        return new GradingFreshness(
                GradingFreshness.Path.GRADING, consumerGroups, WATCHED, properties.gradingDelayThreshold(), clock);
    }

    @Bean
    GradingFreshnessScheduler gradingFreshnessScheduler(@Qualifier("gradingFreshness") GradingFreshness freshness) {
        return new GradingFreshnessScheduler(freshness);
    }

    @Bean
    GradingFreshnessMetrics gradingFreshnessMetrics(@Qualifier("gradingFreshness") GradingFreshness freshness) {
        return new GradingFreshnessMetrics(freshness);
    }

    @Bean
    GradingFreshness chartingFreshness(ConsumerGroups consumerGroups, AlertingProperties properties, Clock clock) {
        return new GradingFreshness(
                GradingFreshness.Path.CHARTING, consumerGroups, CHARTED, properties.gradingDelayThreshold(), clock);
    }

    @Bean
    GradingFreshnessScheduler chartingFreshnessScheduler(@Qualifier("chartingFreshness") GradingFreshness freshness) {
        return new GradingFreshnessScheduler(freshness);
    }

    @Bean
    GradingFreshnessMetrics chartingFreshnessMetrics(@Qualifier("chartingFreshness") GradingFreshness freshness) {
        return new GradingFreshnessMetrics(freshness);
    }
}
