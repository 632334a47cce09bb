package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

class RecordFreeProducerListenerTest {

    @Test
    void aFailedSendIsLoggedWithItsTopicAndFailureButNeitherThePatientIdNorTheEvent() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(RecordFreeProducerListener.class);
        logger.addAppender(appender);
        try {
            new RecordFreeProducerListener()
                    .onError(
                            new ProducerRecord<>("clinical.lab-results.v1", "MRN-0001", "{\"value\":0.4}"),
                            null,
                            new org.springframework.kafka.KafkaException(
                                    "Send failed for MRN-0001", new TimeoutException("expired")));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage())
                        .isEqualTo("Sending a record to clinical.lab-results.v1 failed: KafkaException caused by"
                                + " TimeoutException")
                        .doesNotContain("MRN")
                        .doesNotContain("0.4"));
    }

    @Test
    void everyServiceKafkaTemplateReportsFailuresThroughIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        PlatformAutoConfiguration.class, KafkaSendFailureLogging.class, KafkaAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MongoTemplate.class))
                .withPropertyValues("spring.application.name=test", "toxwatch.security.mode=jwt")
                .run(context -> {
                    assertThat(context).hasSingleBean(ProducerListener.class);
                    assertThat(context.getBean(ProducerListener.class)).isInstanceOf(RecordFreeProducerListener.class);
                    assertThat(context).hasSingleBean(KafkaTemplate.class);
                    // Ordering this before Kafka must not cost the platform its Kafka health indicator.
                    assertThat(context).hasSingleBean(KafkaHealthIndicator.class);
                });
    }

    @Test
    void aSendThatFailsBecauseKafkaIsAwayLogsNoLineWithTheKeyOrTheValue() {
        String patientId = "MRN-LOGSCAN-4711";
        String event = "{\"family\":\"Zyxwvutson\",\"value\":987.654}";
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            PlatformAutoConfiguration.class,
                            KafkaSendFailureLogging.class,
                            KafkaAutoConfiguration.class))
                    .withClassLoader(new FilteredClassLoader(MongoTemplate.class))
                    .withPropertyValues(
                            "spring.application.name=test",
                            "toxwatch.security.mode=jwt",
                            "spring.kafka.bootstrap-servers=localhost:1",
                            "spring.kafka.producer.properties.max.block.ms=300")
                    .run(context -> {
                        @SuppressWarnings("unchecked")
                        KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
                        assertThatThrownBy(() -> template.send("clinical.lab-results.v1", patientId, event)
                                        .get(30, java.util.concurrent.TimeUnit.SECONDS))
                                .as("what the caller gets, and may log")
                                .hasMessageNotContaining(patientId)
                                .hasMessageNotContaining("Zyxwvutson");
                    });
        } finally {
            root.detachAppender(appender);
        }

        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Sending a record to clinical.lab-results.v1 failed"))
                .noneSatisfy(line -> assertThat(line).contains(patientId))
                .noneSatisfy(line -> assertThat(line).contains("Zyxwvutson"))
                .noneSatisfy(line -> assertThat(line).contains("987.654"));
        assertThat(appender.list)
                .filteredOn(line -> line.getThrowableProxy() != null)
                .extracting(line -> line.getThrowableProxy().getMessage())
                .noneSatisfy(message -> assertThat(String.valueOf(message)).contains(patientId));
    }

    @Test
    void aTopicNameIsLoggedOnOneLine() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(RecordFreeProducerListener.class);
        logger.addAppender(appender);
        try {
            new RecordFreeProducerListener()
                    .onError(new ProducerRecord<>("topic\nFORGED LINE", "k", "v"), null, new RuntimeException());
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage())
                        .doesNotContain("\n")
                        .contains("topic\\nFORGED LINE"));
    }
}
