package org.toxwatch.alerting.patient.adapter.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.toxwatch.alerting.patient.application.RecordObservations;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.Topics;

/**
 * Reads ingest's lab results, vital signs and therapy events into the observation log behind the patient timeline,
 * one consumer group per topic (each topic carries one record type), one path for all three, a poll at a time: the
 * records of a poll are kept in one write per kind.
 *
 * <p>A record that cannot be read or charted fails alone: the records before it take full effect, and the error
 * handler is told its position ({@link BatchListenerFailedException}), so it retries that record and sends it to
 * {@code <topic>-dlt} as a record listener would (an unreadable one at once), and the records after it are read
 * again. Each record kept is counted in {@code toxwatch.alerting.observations{topic,outcome}}, where {@code
 * other_unit} counts the results of a charted analyte that came in a unit other than its canonical one and are
 * charted only when an assessment uses them.
 */
public final class ObservationListener {

    public static final String LAB_RESULTS_GROUP = "alerting.lab-result-reader";
    public static final String VITAL_SIGNS_GROUP = "alerting.vital-signs-reader";
    public static final String THERAPY_EVENTS_GROUP = "alerting.therapy-event-reader";

    /** Each topic carries one record type, which its listener reads every value as. */
    private static final String VALUE_TYPE = "spring.json.value.default.type=";

    private static final LogAccessor LOG = new LogAccessor(ObservationListener.class);

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
            batch = "true",
            properties = VALUE_TYPE + "org.toxwatch.model.LabResultRecorded")
    @KafkaListener(
            id = VITAL_SIGNS_GROUP,
            groupId = VITAL_SIGNS_GROUP,
            topics = Topics.VITAL_SIGNS,
            batch = "true",
            properties = VALUE_TYPE + "org.toxwatch.model.VitalSignsRecorded")
    @KafkaListener(
            id = THERAPY_EVENTS_GROUP,
            groupId = THERAPY_EVENTS_GROUP,
            topics = Topics.THERAPY_EVENTS,
            batch = "true",
            properties = VALUE_TYPE + "org.toxwatch.model.TherapyEventRecorded")
    public void on(List<ConsumerRecord<String, ClinicalRecord>> records) {
        var readable = new ArrayList<ClinicalRecord>(records.size());
        for (var record : records) {
            if (record.value() == null) {
                takeEffect(readable, record.topic());
                throw new BatchListenerFailedException("record unreadable", unreadable(record), readable.size());
            }
            readable.add(record.value());
        }
        if (!records.isEmpty()) {
            takeEffect(readable, records.getFirst().topic());
        }
    }

    private void takeEffect(List<ClinicalRecord> records, String topic) {
        try {
            count(topic, recordObservations.onAll(records));
        } catch (RecordObservations.Failed e) {
            count(topic, e.outcomes());
            throw new BatchListenerFailedException("record not charted", e.getCause(), e.index());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("observations not written", e, 0);
        }
    }

    private void count(String topic, List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
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

    private static RuntimeException unreadable(ConsumerRecord<?, ?> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return cause != null ? cause : new IllegalArgumentException("a clinical record without a value");
    }
}
