package org.toxwatch.alerting.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.toxwatch.alerting.notification.adapter.kafka.AlertEventListener;
import org.toxwatch.alerting.notification.adapter.mail.MailNotificationSender;
import org.toxwatch.alerting.notification.adapter.mongo.MongoConfigurationAudit;
import org.toxwatch.alerting.notification.adapter.mongo.MongoWebhookDeliveries;
import org.toxwatch.alerting.notification.adapter.scheduling.WebhookScheduler;
import org.toxwatch.alerting.notification.adapter.webhook.HttpWebhookSender;
import org.toxwatch.alerting.notification.adapter.webhook.OutboundPolicy;
import org.toxwatch.alerting.notification.application.ChangeSubscriptions;
import org.toxwatch.alerting.notification.application.ConfigurationAudit;
import org.toxwatch.alerting.notification.application.DeliverWebhooks;
import org.toxwatch.alerting.notification.application.NotifySubscribers;
import org.toxwatch.alerting.notification.application.WebhookDeliveries;
import org.toxwatch.alerting.notification.application.WebhookSubscriptions;
import org.toxwatch.alerting.patient.application.PatientFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications: every alert event read from the alert-event topic becomes a delivery to each matching
 * subscription (a webhook, or e-mail), retried on its schedule; subscription changes are audited.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

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
}
