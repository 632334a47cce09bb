package org.toxwatch.alerting.patient.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.toxwatch.alerting.patient.application.RecordObservations;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.Topics;

/**
 * Reads ingest's lab results, vital signs and therapy events into the observation log behind the patient timeline,
 * one consumer group per topic (each topic carries one record type), one path for all three. Failures go to the one
 * error handler: retried, then {@code <topic>-dlt}; an unreadable record goes there at once. Each record read is counted in
 * {@code toxwatch.alerting.observations{topic,outcome}}, where {@code other_unit} counts the results of a charted
 * analyte that came in a unit other than its canonical one and are charted only when an assessment uses them.
 */
public final class ObservationListener {

    public static final String LAB_RESULTS_GROUP = "alerting.lab-result-reader";
    public static final String VITAL_SIGNS_GROUP = "alerting.vital-signs-reader";
    public static final String THERAPY_EVENTS_GROUP = "alerting.therapy-event-reader";

    /** Each topic carries one record type, which its listener reads every value as. */
    private static final String VALUE_TYPE = "spring.json.value.default.type=";

    private final RecordObservations recordObservations;
    private final MeterRegistry meterRegistry;

    public ObservationListener(RecordObservations recordObservations, MeterRegistry meterRegistry) {
        this.recordObservations = recordObservations;
        this.meterRegistry = meterRegistry;
    }

    /** One path for the three topics; the topic a record came from is where it is counted. */
    @KafkaListener(
            id = LAB_RESULTS_GROUP,
            groupId = LAB_RESULTS_GROUP,
            topics = Topics.LAB_RESULTS,
            properties = VALUE_TYPE + "org.toxwatch.model.LabResultRecorded")
    @KafkaListener(
            id = VITAL_SIGNS_GROUP,
            groupId = VITAL_SIGNS_GROUP,
            topics = Topics.VITAL_SIGNS,
            properties = VALUE_TYPE + "org.toxwatch.model.VitalSignsRecorded")
    @KafkaListener(
            id = THERAPY_EVENTS_GROUP,
            groupId = THERAPY_EVENTS_GROUP,
            topics = Topics.THERAPY_EVENTS,
            properties = VALUE_TYPE + "org.toxwatch.model.TherapyEventRecorded")
    public void on(ClinicalRecord record, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        Outcome outcome = recordObservations.on(record);
        meterRegistry
                .counter(
                        "toxwatch.alerting.observations",
                        "topic",
                        topic,
                        "outcome",
                        outcome.name().toLowerCase(Locale.ROOT))
                .increment();
    }
}
