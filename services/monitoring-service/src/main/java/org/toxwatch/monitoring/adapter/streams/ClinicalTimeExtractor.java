package org.toxwatch.monitoring.adapter.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Event time is the clinical time in the payload (specimen collection, measurement, administration), not
 * when the message reached Kafka: a result collected yesterday and reported today belongs to yesterday.
 */
final class ClinicalTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof LabResultRecorded lab) {
            return lab.observedAt().toEpochMilli();
        }
        if (value instanceof VitalSignsRecorded vitals) {
            return vitals.observedAt().toEpochMilli();
        }
        if (value instanceof TherapyEventRecorded therapy) {
            return therapy.occurredAt().toEpochMilli();
        }
        if (value instanceof NeurologicAssessmentRecorded neuro) {
            return neuro.observedAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
