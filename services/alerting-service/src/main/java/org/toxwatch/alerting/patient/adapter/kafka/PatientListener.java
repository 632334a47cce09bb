package org.toxwatch.alerting.patient.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.toxwatch.alerting.patient.application.RecordPatient;
import org.toxwatch.alerting.patient.application.RecordPatient.PatientUpdate;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.Topics;

/**
 * Reads the patient records (demographics and location) into the patients' files, in a group shared by all
 * instances, a poll at a time: one read of the files the poll names. A tombstone (no value, the compacted topic's
 * "forget this patient") removes the file.
 *
 * <p>A record that cannot be read or applied fails alone: the records before it take full effect, and the error
 * handler is told its position ({@link BatchListenerFailedException}), so it retries that record and sends it to
 * {@code clinical.patients.v1-dlt} as a record listener would (an unreadable one at once), and the records after it
 * are read again.
 */
public final class PatientListener {

    public static final String GROUP = "alerting.patient-reader";

    private static final LogAccessor LOG = new LogAccessor(PatientListener.class);

    private final RecordPatient recordPatient;

    public PatientListener(RecordPatient recordPatient) {
        this.recordPatient = recordPatient;
    }

    @KafkaListener(
            id = GROUP,
            groupId = GROUP,
            topics = Topics.PATIENTS,
            batch = "true",
            properties = "spring.json.value.default.type=org.toxwatch.model.PatientRecorded")
    public void on(List<ConsumerRecord<String, PatientRecorded>> records) {
        var updates = new ArrayList<PatientUpdate>(records.size());
        var positions = new ArrayList<Integer>(records.size());
        for (int position = 0; position < records.size(); position++) {
            var record = records.get(position);
            if (record.value() != null) {
                updates.add(new PatientUpdate.Recorded(record.value()));
                positions.add(position);
                continue;
            }
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (unreadable != null) {
                apply(updates, positions);
                throw new BatchListenerFailedException("record unreadable", unreadable, position);
            }
            if (record.key() != null) {
                updates.add(new PatientUpdate.Forgotten(record.key()));
                positions.add(position);
            }
        }
        apply(updates, positions);
    }

    private void apply(List<PatientUpdate> updates, List<Integer> positions) {
        try {
            recordPatient.onAll(updates);
        } catch (RecordPatient.Failed e) {
            throw new BatchListenerFailedException(
                    "patient record not applied", e.getCause(), positions.get(e.index()));
        }
    }
}
