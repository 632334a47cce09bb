package org.toxwatch.ingest.adapter.kafka;

import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.OutboundEvent;
import org.toxwatch.ingest.application.RejectedSubmission;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/** The one place that says which topic each event and each kind of input goes to. */
public final class InputTopics {

    /** A record as Kafka receives it. */
    public record Addressed(String topic, String key, Object payload) {}

    /** Where a kind of input's events go; its rejections go to that topic's dead-letter topic. */
    public static String topicOf(InputKind kind) {
        return switch (kind) {
            case LAB_OR_VITAL_OBSERVATIONS -> Topics.LAB_RESULTS;
            case THERAPY_EVENTS -> Topics.THERAPY_EVENTS;
            case NEURO_ASSESSMENTS -> Topics.NEURO_ASSESSMENTS;
            case CLINICAL_FINDINGS -> Topics.CLINICAL_FINDINGS;
            case DOSE_PLANS -> Topics.DOSE_PLANS;
            case PATIENTS -> Topics.PATIENTS;
        };
    }

    public static Addressed address(OutboundEvent event) {
        return switch (event.payload()) {
            case LabResultRecorded lab -> new Addressed(Topics.LAB_RESULTS, event.key(), lab);
            case VitalSignsRecorded vitals -> new Addressed(Topics.VITAL_SIGNS, event.key(), vitals);
            case TherapyEventRecorded therapy -> new Addressed(Topics.THERAPY_EVENTS, event.key(), therapy);
            case NeurologicAssessmentRecorded neuro -> new Addressed(Topics.NEURO_ASSESSMENTS, event.key(), neuro);
            case ClinicalFindingRecorded finding -> new Addressed(Topics.CLINICAL_FINDINGS, event.key(), finding);
            case DosePlanned plan -> new Addressed(Topics.DOSE_PLANS, event.key(), plan);
            case PatientRecorded patient -> new Addressed(Topics.PATIENTS, event.key(), patient);
            case RejectedSubmission rejected -> {
                String target = topicOf(rejected.kind());
                yield new Addressed(Topics.deadLetterTopicOf(target), event.key(), asContract(rejected, target));
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown event type " + event.payload().getClass());
        };
    }

    private static RejectedInput asContract(RejectedSubmission rejected, String targetTopic) {
        return new RejectedInput(
                rejected.eventId(),
                rejected.receivedAt(),
                rejected.protocol(),
                rejected.sourceSystem(),
                rejected.sourceMessageId(),
                targetTopic,
                rejected.reasons(),
                rejected.rawPayload());
    }

    private InputTopics() {}
}
