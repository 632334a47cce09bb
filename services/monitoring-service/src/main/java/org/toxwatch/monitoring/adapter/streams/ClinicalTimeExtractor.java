package org.toxwatch.monitoring.adapter.streams;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Event time is the clinical time in the payload (specimen collection, measurement, administration, examination,
 * the ordering of a planned dose, the time a patient record was stated), not
 * when the message reached Kafka: a result collected yesterday and reported today belongs to yesterday.
 *
 * <p>A clinical time Kafka cannot hold (before 1970, or beyond what epoch milliseconds reach) falls back to the
 * record's own time, so the event reaches the grading processor, which dead-letters it with its reason.
 * Streams would otherwise drop a negative time with nothing but a log line, or stop on an overflow.
 */
final class ClinicalTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Instant clinicalTime = clinicalTimeOf(record.value());
        if (clinicalTime != null && !clinicalTime.isBefore(Instant.EPOCH)) {
            try {
                return clinicalTime.toEpochMilli();
            } catch (ArithmeticException beyondEpochMillis) {
                // falls back below
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }

    private static @Nullable Instant clinicalTimeOf(@Nullable Object value) {
        if (value instanceof LabResultRecorded lab) {
            return lab.observedAt();
        }
        if (value instanceof VitalSignsRecorded vitals) {
            return vitals.observedAt();
        }
        if (value instanceof TherapyEventRecorded therapy) {
            return therapy.occurredAt();
        }
        if (value instanceof NeurologicAssessmentRecorded neuro) {
            return neuro.observedAt();
        }
        if (value instanceof ClinicalFindingRecorded finding) {
            return finding.observedAt();
        }
        if (value instanceof DosePlanned plan) {
            return plan.orderedAt();
        }
        if (value instanceof PatientRecorded patient) {
            return patient.recordedAt();
        }
        return null;
    }
}
