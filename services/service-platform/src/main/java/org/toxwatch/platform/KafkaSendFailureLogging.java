package org.toxwatch.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producer listener every service's Kafka template uses. It must be defined before Boot's Kafka
 * auto-configuration, whose default (LoggingProducerListener) would log the patient id and event of a failed
 * send; the rest of the platform wiring comes after Kafka's, because it looks for the KafkaAdmin Kafka defines.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ProducerListener.class)
public class KafkaSendFailureLogging {

    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new RecordFreeProducerListener();
    }
}
