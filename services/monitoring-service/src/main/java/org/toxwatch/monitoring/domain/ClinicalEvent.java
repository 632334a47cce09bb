package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * One of the inputs monitoring folds into a patient's state. The stream and the what-if calculator
 * both apply events through {@link #applyTo}, so they grade on one code path.
 */
public sealed interface ClinicalEvent {

    /** Clinical time order, then arrival order: how the calculator replays a set of events. */
    Comparator<ClinicalEvent> CLINICAL_ORDER =
            Comparator.comparing(ClinicalEvent::eventTime).thenComparing(ClinicalEvent::receivedAt);

    /** The contract event this wraps. */
    ClinicalRecord event();

    /** Collection, measurement, administration, examination or ordering time; for a patient record, its time. */
    Instant eventTime();

    PatientState applyTo(PatientState state);

    default UUID eventId() {
        return event().eventId();
    }

    default Instant receivedAt() {
        return event().receivedAt();
    }

    /** The id the sending system gave the message this event came in. */
    default String sourceMessageId() {
        return event().sourceMessageId();
    }

    record Lab(LabResultRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.observedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    record Vitals(VitalSignsRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.observedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    record Therapy(TherapyEventRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.occurredAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    record Neuro(NeurologicAssessmentRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.observedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    record Finding(ClinicalFindingRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.observedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    /** A planned dose: its event time is when it was ordered or last changed, not when it is to be given. */
    record Plan(DosePlanned event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.orderedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }

    /**
     * What a sender stated about the patient: its event time is when it was stated, which orders the records of one
     * patient (see {@link PatientState#apply(PatientRecorded)}).
     */
    record Patient(PatientRecorded event) implements ClinicalEvent {
        public Instant eventTime() {
            return event.recordedAt();
        }

        public PatientState applyTo(PatientState state) {
            return state.apply(event);
        }
    }
}
