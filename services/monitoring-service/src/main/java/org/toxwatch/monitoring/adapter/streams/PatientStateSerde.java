package org.toxwatch.monitoring.adapter.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.dataformat.smile.SmileWriteFeature;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The per-patient state in the store and its changelog, written as Smile (binary JSON): the store is read and
 * written on every event, and JSON text made that the largest part of the per-event cost (GradingBenchmark). Records
 * are built and read through generated accessors ({@link BlackbirdModule}) rather than reflective constructor calls,
 * which took about a third of the time of reading a state back; lab results and vital signs, most of a state's
 * records, are written and read field by field ({@link StoredResults}). A short text written before in the same
 * state (the patient id, a message's id and times, units, codes) is written as a back-reference to it: a stored state
 * is about 29 % smaller and reads back with each such text made once. Every Smile reader reads back-references (the
 * header says they may occur), so states written before, and a rollback reading states written now, read as ever.
 * States written as JSON text by earlier versions are still read, so an upgrade restores from the changelog.
 *
 * <p>The stored format is version 1, {@code state/patient-state.v1.schema.json}, pinned by fixed bytes in
 * {@code StoredPatientStateV1Test}: a change those bytes no longer read through is a new version.
 */
final class PatientStateSerde implements Serde<PatientState> {

    /** Every Smile document starts with {@code :)\n}; a JSON object starts with '{'. */
    private static final byte SMILE_FIRST_BYTE = ':';

    /** Shared: a mapper's serializer caches are what make it fast, so one is built per JVM, not per serde. */
    private static final ObjectMapper SMILE = SmileMapper.builder()
            .enable(SmileWriteFeature.CHECK_SHARED_STRING_VALUES)
            .addModule(IsoInstants.module())
            .addModule(StoredResults.module())
            .addModule(new BlackbirdModule())
            .build();

    private final ObjectMapper smile = SMILE;
    private final ObjectMapper json;

    PatientStateSerde(JsonMapper json) {
        this.json = json;
    }

    /** The mapper stored states are written and read with, for tests and benchmarks. */
    static ObjectMapper smileMapper() {
        return SMILE;
    }

    /**
     * Whether {@code value} is written, as a stored state writes it, in at most {@code bytes} bytes; false when it
     * cannot be written at all.
     */
    static boolean writesWithin(Object value, int bytes) {
        try {
            return SMILE.writeValueAsBytes(value).length <= bytes;
        } catch (JacksonException e) {
            return false;
        }
    }

    @Override
    public Serializer<PatientState> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] written;
            try {
                written = smile.writeValueAsBytes(state);
            } catch (JacksonException e) {
                throw new SerializationException("could not write a patient state", e);
            }
            // Its changelog record must still be taken by the broker, or the transaction fails after the
            // processor returned, and with it the stream.
            if (written.length > GradingOutputs.LARGEST_RECORD_BYTES) {
                throw new GradingOutputs.RecordTooLarge("the patient state store", written.length);
            }
            return written;
        };
    }

    @Override
    public Deserializer<PatientState> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ObjectMapper reader = bytes.length > 0 && bytes[0] == SMILE_FIRST_BYTE ? smile : json;
                return reader.readValue(bytes, PatientState.class);
            } catch (JacksonException e) {
                throw new SerializationException("could not read a patient state", e);
            }
        };
    }
}
