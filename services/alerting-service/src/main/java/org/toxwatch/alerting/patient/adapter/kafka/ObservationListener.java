package org.toxwatch.alerting.patient.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.kafka.annotation.KafkaListener;
import org.toxwatch.alerting.patient.application.RecordObservations;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Reads ingest's lab results, vital signs and therapy events into the observation log behind the patient timeline,
 * one consumer group per topic (each topic carries one record type). Failures go to the one error handler:
 * retried, then {@code <topic>-dlt}; an unreadable record goes there at once. Each record read is counted in
 * {@code toxwatch.alerting.observations{topic,outcome}}, where {@code other_unit} counts the results of a charted
 * analyte that came in a unit other than its canonical one and are charted only when an assessment uses them.
 */
public final class ObservationListener {

    public static final String LAB_RESULTS_GROUP = "alerting.lab-result-reader";
    public static final String VITAL_SIGNS_GROUP = "alerting.vital-signs-reader";
    public static final String THERAPY_EVENTS_GROUP = "alerting.therapy-event-reader";

    private final RecordObservations recordObservations;
    private final MeterRegistry meterRegistry;

    public ObservationListener(RecordObservations recordObservations, MeterRegistry meterRegistry) {
        this.recordObservations = recordObservations;
        this.meterRegistry = meterRegistry;
    }

    @KafkaListener(
            id = LAB_RESULTS_GROUP,
            groupId = LAB_RESULTS_GROUP,
            topics = Topics.LAB_RESULTS,
            properties = "spring.json.value.default.type=org.toxwatch.model.LabResultRecorded")
    public void on(LabResultRecorded result) {
        count(Topics.LAB_RESULTS, recordObservations.on(result));
    }

    @KafkaListener(
            id = VITAL_SIGNS_GROUP,
            groupId = VITAL_SIGNS_GROUP,
            topics = Topics.VITAL_SIGNS,
            properties = "spring.json.value.default.type=org.toxwatch.model.VitalSignsRecorded")
    public void on(VitalSignsRecorded vitals) {
        count(Topics.VITAL_SIGNS, recordObservations.on(vitals));
    }

    @KafkaListener(
            id = THERAPY_EVENTS_GROUP,
            groupId = THERAPY_EVENTS_GROUP,
            topics = Topics.THERAPY_EVENTS,
            properties = "spring.json.value.default.type=org.toxwatch.model.TherapyEventRecorded")
    public void on(TherapyEventRecorded event) {
        count(Topics.THERAPY_EVENTS, recordObservations.on(event));
    }

    private void count(String topic, Outcome outcome) {
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
