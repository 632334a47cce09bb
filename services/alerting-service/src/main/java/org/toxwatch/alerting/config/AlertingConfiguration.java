package org.toxwatch.alerting.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.toxwatch.alerting.adapter.kafka.AlertEventListener;
import org.toxwatch.alerting.adapter.kafka.AssessmentListener;
import org.toxwatch.alerting.adapter.kafka.DeadLetters;
import org.toxwatch.alerting.adapter.kafka.KafkaAlertEventPublisher;
import org.toxwatch.alerting.adapter.kafka.PatientListener;
import org.toxwatch.alerting.adapter.live.LiveAlertFeed;
import org.toxwatch.alerting.adapter.mail.MailNotificationSender;
import org.toxwatch.alerting.adapter.metrics.MeteredAlertEventPublisher;
import org.toxwatch.alerting.adapter.mongo.MongoAlerts;
import org.toxwatch.alerting.adapter.mongo.MongoAssessmentHistory;
import org.toxwatch.alerting.adapter.mongo.MongoAuditTrail;
import org.toxwatch.alerting.adapter.mongo.MongoConfigurationAudit;
import org.toxwatch.alerting.adapter.mongo.MongoPatientFiles;
import org.toxwatch.alerting.adapter.mongo.MongoWebhookDeliveries;
import org.toxwatch.alerting.adapter.scheduling.EscalationScheduler;
import org.toxwatch.alerting.adapter.scheduling.RecoveryScheduler;
import org.toxwatch.alerting.adapter.scheduling.WebhookScheduler;
import org.toxwatch.alerting.adapter.webhook.HttpWebhookSender;
import org.toxwatch.alerting.adapter.webhook.OutboundPolicy;
import org.toxwatch.alerting.application.ActOnAlert;
import org.toxwatch.alerting.application.AlertEventPublisher;
import org.toxwatch.alerting.application.Alerts;
import org.toxwatch.alerting.application.AssessmentHistory;
import org.toxwatch.alerting.application.AuditTrail;
import org.toxwatch.alerting.application.ChangeSubscriptions;
import org.toxwatch.alerting.application.ConfigurationAudit;
import org.toxwatch.alerting.application.DeliverWebhooks;
import org.toxwatch.alerting.application.EscalateAlerts;
import org.toxwatch.alerting.application.NotifySubscribers;
import org.toxwatch.alerting.application.PatientFiles;
import org.toxwatch.alerting.application.RaiseAlerts;
import org.toxwatch.alerting.application.RecordPatient;
import org.toxwatch.alerting.application.ResolveRecoveredAlerts;
import org.toxwatch.alerting.application.WebhookDeliveries;
import org.toxwatch.alerting.application.WebhookSubscriptions;
import org.toxwatch.model.Topics;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {

    /** How long a failing record is retried before it is dead-lettered; it holds up its partition meanwhile. */
    static final Duration LISTENER_RETRIES = Duration.ofSeconds(10);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

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
    EscalationScheduler escalationScheduler(EscalateAlerts escalateAlerts, MeterRegistry meterRegistry) {
        return new EscalationScheduler(escalateAlerts, meterRegistry);
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
    RecoveryScheduler recoveryScheduler(ResolveRecoveredAlerts resolveRecoveredAlerts) {
        return new RecoveryScheduler(resolveRecoveredAlerts);
    }

    @Bean
    ConfigurationAudit configurationAudit(MongoTemplate mongoTemplate) {
        return new MongoConfigurationAudit(mongoTemplate);
    }

    @Bean
    ChangeSubscriptions changeSubscriptions(
            WebhookSubscriptions subscriptions, ConfigurationAudit configurationAudit, Clock clock) {
        return new ChangeSubscriptions(subscriptions, configurationAudit, clock);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(MongoTemplate mongoTemplate) {
        return new MongoWebhookDeliveries(mongoTemplate);
    }

    @Bean
    NotifySubscribers notifySubscribers(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Clock clock) {
        return new NotifySubscribers(subscriptions, deliveries, clock);
    }

    @Bean
    AlertEventListener alertEventListener(NotifySubscribers notifySubscribers) {
        return new AlertEventListener(notifySubscribers);
    }

    @Bean
    DeliverWebhooks deliverWebhooks(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            PatientFiles patientFiles,
            JsonMapper jsonMapper,
            ObjectProvider<JavaMailSender> mailSender,
            WebhookProperties properties,
            MailProperties mail,
            Clock clock) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        var senders = new ChannelSenders(
                new HttpWebhookSender(
                        jsonMapper,
                        properties.timeout(),
                        OutboundPolicy.of(properties.allowPlainHttp(), properties.allowedHosts())),
                smtp == null
                        ? null
                        : new MailNotificationSender(smtp, mail.from(), mail.consoleUrl(), mail.patientDetails()));
        return new DeliverWebhooks(subscriptions, deliveries, senders, patientFiles, properties.retrySchedule(), clock);
    }

    @Bean
    WebhookScheduler webhookScheduler(DeliverWebhooks deliverWebhooks, MeterRegistry meterRegistry) {
        return new WebhookScheduler(deliverWebhooks, meterRegistry);
    }

    @Bean
    LiveAlertFeed liveAlertFeed() {
        return new LiveAlertFeed();
    }

    @Bean
    AssessmentHistory assessmentHistory(MongoTemplate mongoTemplate) {
        return new MongoAssessmentHistory(mongoTemplate);
    }

    @Bean
    AssessmentListener assessmentListener(AssessmentHistory history, RaiseAlerts raiseAlerts) {
        return new AssessmentListener(history, raiseAlerts);
    }

    @Bean
    PatientFiles patientFiles(MongoTemplate mongoTemplate) {
        return new MongoPatientFiles(mongoTemplate);
    }

    @Bean
    RecordPatient recordPatient(PatientFiles patientFiles, LiveAlertFeed liveAlertFeed) {
        return new RecordPatient(patientFiles, liveAlertFeed);
    }

    @Bean
    PatientListener patientListener(RecordPatient recordPatient) {
        return new PatientListener(recordPatient);
    }

    @Bean
    DeadLetters deadLetters(MeterRegistry meterRegistry) {
        return new DeadLetters(meterRegistry);
    }

    /**
     * The one error handler, which Spring Boot gives every listener container (assessment reader, patient reader,
     * webhook dispatcher, live feed): bounded retries, then the dead-letter topic (see {@link DeadLetters}).
     * Unreadable records keep their original bytes.
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
    KafkaAdmin.NewTopics alertingTopics(AlertingProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.ALERT_EVENTS)
                        .partitions(properties.topicPartitions())
                        .build(),
                TopicBuilder.name(Topics.ASSESSMENTS)
                        .partitions(properties.topicPartitions())
                        .build(),
                TopicBuilder.name(Topics.ASSESSMENTS_DLT)
                        .partitions(properties.topicPartitions())
                        .build(),
                // The newest record per patient is what counts, so the topic is compacted (contract).
                TopicBuilder.name(Topics.PATIENTS)
                        .partitions(properties.topicPartitions())
                        .compact()
                        .build(),
                TopicBuilder.name(Topics.PATIENTS_DLT)
                        .partitions(properties.topicPartitions())
                        .build(),
                // Where the webhook dispatcher's and live feed's unreadable or failing alert events go.
                TopicBuilder.name(Topics.deadLetterTopicOf(Topics.ALERT_EVENTS))
                        .partitions(properties.topicPartitions())
                        .build());
    }
}
