package org.toxwatch.alerting.patient.adapter.kafka;

import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.toxwatch.alerting.patient.application.RecordPatient;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.Topics;

/**
 * Reads the patient records (demographics and location) into the patients' files, in a group shared by all
 * instances. Failures go to the one error handler: retried, then {@code clinical.patients.v1-dlt}; an unreadable
 * record goes there at once. A tombstone (no value, the compacted topic's "forget this patient") removes the file.
 */
public final class PatientListener {

    public static final String GROUP = "alerting.patient-reader";

    private final RecordPatient recordPatient;

    public PatientListener(RecordPatient recordPatient) {
        this.recordPatient = recordPatient;
    }

    @KafkaListener(
            id = GROUP,
            groupId = GROUP,
            topics = Topics.PATIENTS,
            properties = "spring.json.value.default.type=org.toxwatch.model.PatientRecorded")
    public void on(
            @Payload(required = false) @Nullable PatientRecorded record,
            @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) @Nullable String patientId) {
        if (record != null) {
            recordPatient.on(record);
        } else if (patientId != null) {
            recordPatient.forget(patientId);
        }
    }
}
