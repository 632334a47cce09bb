package org.toxwatch.monitoring.adapter.streams;

import java.time.Instant;
import java.util.UUID;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * One of the three input events, so the three input streams can merge into one per-patient processor. Lives
 * only between the merge and the processor: it is never serialized.
 */
sealed interface ClinicalEvent {

    UUID eventId();

    Instant eventTime();

    String sourceTopic();

    record Lab(LabResultRecorded event) implements ClinicalEvent {
        public UUID eventId() {
            return event.eventId();
        }

        public Instant eventTime() {
            return event.observedAt();
        }

        public String sourceTopic() {
            return Topics.LAB_RESULTS;
        }
    }

    record Vitals(VitalSignsRecorded event) implements ClinicalEvent {
        public UUID eventId() {
            return event.eventId();
        }

        public Instant eventTime() {
            return event.observedAt();
        }

        public String sourceTopic() {
            return Topics.VITAL_SIGNS;
        }
    }

    record Therapy(TherapyEventRecorded event) implements ClinicalEvent {
        public UUID eventId() {
            return event.eventId();
        }

        public Instant eventTime() {
            return event.occurredAt();
        }

        public String sourceTopic() {
            return Topics.THERAPY_EVENTS;
        }
    }
}
