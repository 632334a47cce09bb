package org.toxwatch.platform;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.KafkaUtils;

/**
 * How Spring Kafka names a record in its log lines (retries, dead letters, errors): topic, partition and
 * offset only. By default it prints key and value, and every ToxWatch key is a patient id.
 */
final class RecordLogFormat {

    static void install() {
        KafkaUtils.setConsumerRecordFormatter(RecordLogFormat::describe);
        KafkaUtils.setProducerRecordFormatter(RecordLogFormat::describe);
    }

    static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static String describe(ProducerRecord<?, ?> record) {
        return record.topic() + (record.partition() == null ? "" : "-" + record.partition());
    }

    private RecordLogFormat() {}
}
