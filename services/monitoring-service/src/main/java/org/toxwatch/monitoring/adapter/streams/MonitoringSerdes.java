package org.toxwatch.monitoring.adapter.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Serdes of the topology, one per type: JSON on the topics other services read, Smile for the patient state
 * only monitoring reads. Each reads its one declared type and ignores type headers, so a producer can never
 * make the topology instantiate a class of its choosing.
 */
public final class MonitoringSerdes {

    private final JsonMapper jsonMapper;
    /**
     * The application's mapper, reading instants without the general date-time formatter (same values), and records
     * through generated accessors instead of reflection (same values).
     */
    private final JsonMapper topicMapper;

    public MonitoringSerdes(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        this.topicMapper = jsonMapper
                .rebuild()
                .addModule(IsoInstants.readerModule())
                .addModule(new BlackbirdModule())
                .build();
    }

    public Serde<LabResultRecorded> labResults() {
        return of(LabResultRecorded.class);
    }

    public Serde<VitalSignsRecorded> vitalSigns() {
        return of(VitalSignsRecorded.class);
    }

    public Serde<TherapyEventRecorded> therapyEvents() {
        return of(TherapyEventRecorded.class);
    }

    public Serde<NeurologicAssessmentRecorded> neuroAssessments() {
        return of(NeurologicAssessmentRecorded.class);
    }

    public Serde<ClinicalFindingRecorded> clinicalFindings() {
        return of(ClinicalFindingRecorded.class);
    }

    public Serde<DosePlanned> dosePlans() {
        return of(DosePlanned.class);
    }

    public Serde<PatientRecorded> patients() {
        return of(PatientRecorded.class);
    }

    public Serde<ToxicityAssessed> assessments() {
        return of(ToxicityAssessed.class);
    }

    public Serde<PatientGradesSnapshot> patientGrades() {
        return of(PatientGradesSnapshot.class);
    }

    public Serde<RejectedInput> deadLetters() {
        return of(RejectedInput.class);
    }

    public Serde<PatientState> patientState() {
        return new PatientStateSerde(jsonMapper);
    }

    public JsonMapper jsonMapper() {
        return jsonMapper;
    }

    JsonMapper topicMapper() {
        return topicMapper;
    }

    private <T> Serde<T> of(Class<T> type) {
        var serde = new JacksonJsonSerde<T>(type, topicMapper).noTypeInfo();
        serde.deserializer().ignoreTypeHeaders();
        return Serdes.serdeFrom(serde.serializer(), new ContentFreeDeserializer<>(type, serde.deserializer()));
    }

    /**
     * Fails without quoting the record: Jackson's messages quote the value they could not read (a name, an id, a
     * lab value), and Kafka Streams logs the failure with its causes and the dead-letter headers carry it.
     */
    private record ContentFreeDeserializer<T>(Class<T> type, Deserializer<T> delegate) implements Deserializer<T> {

        @Override
        public T deserialize(String topic, byte[] data) {
            return deserialize(topic, null, data);
        }

        @Override
        public T deserialize(String topic, @Nullable Headers headers, byte[] data) {
            try {
                return headers == null ? delegate.deserialize(topic, data) : delegate.deserialize(topic, headers, data);
            } catch (RuntimeException e) {
                throw new SerializationException("unreadable " + type.getSimpleName() + " on " + topic + " ("
                        + rootCauseOf(e).getClass().getSimpleName() + ")");
            }
        }

        @Override
        public void close() {
            delegate.close();
        }

        private static Throwable rootCauseOf(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
