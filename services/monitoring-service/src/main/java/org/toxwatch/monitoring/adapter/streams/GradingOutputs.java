package org.toxwatch.monitoring.adapter.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Writes what the grading processor emits. A record larger than the broker takes would fail the transaction
 * after the processor returned, so the size is checked here, while the event can still be dead-lettered.
 */
final class GradingOutputs {

    /** Under the broker's default {@code message.max.bytes} (1 MiB), with room for the key and headers. */
    static final int LARGEST_RECORD_BYTES = 900 * 1024;

    /** Dead-letter payloads are cut here; the original record stays on its input topic for its retention. */
    static final int LARGEST_DEAD_LETTER_PAYLOAD_CHARS = 256 * 1024;

    private final Serializer<ToxicityAssessed> assessments;
    private final Serializer<PatientGradesSnapshot> grades;
    private final Serializer<RejectedInput> deadLetters;

    GradingOutputs(MonitoringSerdes serdes) {
        this.assessments = serdes.assessments().serializer();
        this.grades = serdes.patientGrades().serializer();
        this.deadLetters = serdes.deadLetters().serializer();
    }

    GradingOutput assessment(ToxicityAssessed assessment) {
        return written(Topics.ASSESSMENTS, assessments.serialize(Topics.ASSESSMENTS, assessment));
    }

    GradingOutput grades(PatientGradesSnapshot snapshot) {
        return written(Topics.PATIENT_GRADES, grades.serialize(Topics.PATIENT_GRADES, snapshot));
    }

    /**
     * The dead letter of an event from {@code sourceTopic}. Its text is made well-formed first: the event may be
     * dead-lettered precisely because it holds a string (a lone UTF-16 surrogate) that cannot be written as UTF-8.
     */
    GradingOutput deadLetter(RejectedInput rejected) {
        String topic = Topics.deadLetterTopicOf(rejected.targetTopic());
        var wellFormed = new RejectedInput(
                rejected.eventId(),
                rejected.receivedAt(),
                rejected.protocol(),
                rejected.sourceSystem(),
                rejected.sourceMessageId() == null ? null : wellFormed(rejected.sourceMessageId()),
                rejected.targetTopic(),
                rejected.reasons().stream().map(GradingOutputs::wellFormed).toList(),
                wellFormed(shortened(rejected.rawPayload())));
        return new GradingOutput(topic, deadLetters.serialize(topic, wellFormed));
    }

    private static GradingOutput written(String topic, byte[] value) {
        if (value.length > LARGEST_RECORD_BYTES) {
            throw new RecordTooLarge(topic, value.length);
        }
        return new GradingOutput(topic, value);
    }

    private static String shortened(String payload) {
        return payload.length() <= LARGEST_DEAD_LETTER_PAYLOAD_CHARS
                ? payload
                : payload.substring(0, LARGEST_DEAD_LETTER_PAYLOAD_CHARS)
                        + "...(cut; the record is on its input topic)";
    }

    /** Unpaired surrogates become '?', as the UTF-8 encoder writes them. */
    static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** An output over {@link #LARGEST_RECORD_BYTES}: the broker would refuse it. */
    static final class RecordTooLarge extends RuntimeException {
        RecordTooLarge(String topic, int bytes) {
            super("a record for " + topic + " would be " + bytes + " bytes, over " + LARGEST_RECORD_BYTES);
        }
    }
}
