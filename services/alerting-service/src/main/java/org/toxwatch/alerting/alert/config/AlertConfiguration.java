package org.toxwatch.alerting.alert.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.toxwatch.alerting.alert.adapter.kafka.AssessmentListener;
import org.toxwatch.alerting.alert.adapter.kafka.KafkaAlertEventPublisher;
import org.toxwatch.alerting.alert.adapter.metrics.MeteredAlertEventPublisher;
import org.toxwatch.alerting.alert.adapter.mongo.MongoAlerts;
import org.toxwatch.alerting.alert.adapter.mongo.MongoAssessmentHistory;
import org.toxwatch.alerting.alert.adapter.mongo.MongoAuditTrail;
import org.toxwatch.alerting.alert.adapter.scheduling.AlertClocks;
import org.toxwatch.alerting.alert.adapter.scheduling.AlertClocksHealthIndicator;
import org.toxwatch.alerting.alert.adapter.scheduling.EscalationScheduler;
import org.toxwatch.alerting.alert.adapter.scheduling.RecoveryScheduler;
import org.toxwatch.alerting.alert.application.ActOnAlert;
import org.toxwatch.alerting.alert.application.AlertEventPublisher;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.AuditTrail;
import org.toxwatch.alerting.alert.application.EscalateAlerts;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.alerting.alert.application.ResolveRecoveredAlerts;

/**
 * Alerts: assessments read into alert episodes that are raised, escalated, acted on and resolved, each change
 * saved, audited and published on the alert-event topic.
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    Alerts alerts(MongoTemplate mongoTemplate) {
        return new MongoAlerts(mongoTemplate);
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongoTemplate) {
        return new MongoAuditTrail(mongoTemplate);
    }

    @Bean
    AlertEventPublisher alertEventPublisher(
            KafkaTemplate<String, Object> kafkaTemplate, Alerts alerts, MeterRegistry meterRegistry) {
        return new MeteredAlertEventPublisher(new KafkaAlertEventPublisher(kafkaTemplate), alerts, meterRegistry);
    }

    @Bean
    RaiseAlerts raiseAlerts(
            Alerts alerts,
            AlertEventPublisher publisher,
            AuditTrail auditTrail,
            AlertingProperties properties,
            Clock clock) {
        return new RaiseAlerts(properties.alertPolicy(), alerts, publisher, auditTrail, clock);
    }

    @Bean
    ActOnAlert actOnAlert(
            Alerts alerts,
            AuditTrail auditTrail,
            AlertEventPublisher publisher,
            AlertingProperties properties,
            Clock clock) {
        return new ActOnAlert(alerts, auditTrail, publisher, properties.longestSnooze(), clock);
    }

    @Bean
    EscalateAlerts escalateAlerts(
            Alerts alerts,
            AuditTrail auditTrail,
            AlertEventPublisher publisher,
            AlertingProperties properties,
            Clock clock) {
        return new EscalateAlerts(alerts, auditTrail, publisher, properties.escalationPolicy(), clock);
    }

    @Bean
    EscalationScheduler escalationScheduler(
            EscalateAlerts escalateAlerts, AlertClocks alertClocks, MeterRegistry meterRegistry) {
        return new EscalationScheduler(escalateAlerts, alertClocks, meterRegistry);
    }

    @Bean
    AlertClocks alertClocks(MeterRegistry meterRegistry, Clock clock) {
        return new AlertClocks(meterRegistry, clock);
    }

    @Bean
    AlertClocksHealthIndicator alertClocksHealthIndicator(AlertClocks alertClocks) {
        return new AlertClocksHealthIndicator(alertClocks);
    }

    @Bean
    ResolveRecoveredAlerts resolveRecoveredAlerts(
            Alerts alerts,
            AuditTrail auditTrail,
            AlertEventPublisher publisher,
            AlertingProperties properties,
            Clock clock) {
        return new ResolveRecoveredAlerts(alerts, auditTrail, publisher, properties.recoveryPolicy(), clock);
    }

    @Bean
    RecoveryScheduler recoveryScheduler(ResolveRecoveredAlerts resolveRecoveredAlerts, AlertClocks alertClocks) {
        return new RecoveryScheduler(resolveRecoveredAlerts, alertClocks);
    }

    @Bean
    AssessmentHistory assessmentHistory(MongoTemplate mongoTemplate) {
        return new MongoAssessmentHistory(mongoTemplate);
    }

    @Bean
    AssessmentListener assessmentListener(AssessmentHistory history, RaiseAlerts raiseAlerts) {
        return new AssessmentListener(history, raiseAlerts);
    }
}
