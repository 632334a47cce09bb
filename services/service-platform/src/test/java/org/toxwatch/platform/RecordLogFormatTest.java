package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaUtils;

class RecordLogFormatTest {

    @Test
    void springKafkaLogLinesNameARecordWithoutItsPatientKeyOrValue() {
        RecordLogFormat.install();
        var consumed = new ConsumerRecord<>("clinical.lab-results.v1", 3, 42L, "MRN-0001", "{\"value\":0.4}");
        var produced = new ProducerRecord<>("monitoring.assessments.v1", "MRN-0001", "{\"grade\":4}");

        assertThat(KafkaUtils.format(consumed))
                .isEqualTo("clinical.lab-results.v1-3@42")
                .doesNotContain("MRN-0001");
        assertThat(KafkaUtils.format(produced))
                .isEqualTo("monitoring.assessments.v1")
                .doesNotContain("MRN");
    }
}
