package org.toxwatch.ingest.adapter.hl7;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.application.SubmittedItem;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.Violation;

/**
 * One observation, administration or patient's details read from a message, with where it sits, so that a violation the
 * shared validator reports by field name ({@code unit}) can be answered by HL7 location ({@code OBX^3^6}).
 *
 * @param readProblems what could not even be read into the submission (a malformed number or time), already
 *     located
 * @param warnings what was left out without rejecting the message (an unreadable birth date in the PID of a result
 *     message), already located; the acknowledgement names them
 */
record Hl7Item(
        @Nullable ObservationSubmission observation,
        @Nullable TherapyEventSubmission therapyEvent,
        @Nullable PatientSubmission patient,
        Function<String, String> locate,
        List<Violation> readProblems,
        List<Violation> warnings) {

    static Hl7Item observation(ObservationSubmission observation, Function<String, String> locate, List<Violation> p) {
        return new Hl7Item(observation, null, null, locate, List.copyOf(p), List.of());
    }

    static Hl7Item therapyEvent(TherapyEventSubmission event, Function<String, String> locate, List<Violation> p) {
        return new Hl7Item(null, event, null, locate, List.copyOf(p), List.of());
    }

    static Hl7Item patient(PatientSubmission patient, Function<String, String> locate, List<Violation> p) {
        return new Hl7Item(null, null, patient, locate, List.copyOf(p), List.of());
    }

    /** Details read as far as they could be; what could not is left out and named, and the message is kept. */
    static Hl7Item patientLeavingOut(
            PatientSubmission patient, Function<String, String> locate, List<Violation> leftOut) {
        return new Hl7Item(null, null, patient, locate, List.of(), List.copyOf(leftOut));
    }

    /** The same item about other details of the patient. */
    Hl7Item stating(PatientSubmission details) {
        return new Hl7Item(null, null, details, locate, readProblems, warnings);
    }

    /** The item as the use case takes it. */
    SubmittedItem submitted() {
        if (observation != null) {
            return new SubmittedItem.Observation(observation, locate::apply, readProblems);
        }
        return patient != null
                ? new SubmittedItem.Patient(patient, locate::apply, readProblems)
                : new SubmittedItem.TherapyEvent(Objects.requireNonNull(therapyEvent), locate::apply, readProblems);
    }
}
