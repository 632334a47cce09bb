package org.toxwatch.ingest.application;

import java.util.List;
import java.util.function.UnaryOperator;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.Violation;

/**
 * One item an adapter translated from a message, not yet validated: the use case validates it, and reports what the
 * shared rules find at the place the sender wrote it ({@code unit} becomes {@code OBX^3^6}).
 */
public sealed interface SubmittedItem {

    /** What could not even be read into the item (a malformed number or time), already located. */
    List<Violation> readProblems();

    /** Turns a field the shared rules name ({@code unit}) into where the sender wrote it. */
    UnaryOperator<String> locate();

    default Violation located(Violation violation) {
        return new Violation(locate().apply(violation.field()), violation.message());
    }

    record Observation(ObservationSubmission observation, UnaryOperator<String> locate, List<Violation> readProblems)
            implements SubmittedItem {
        public Observation {
            readProblems = List.copyOf(readProblems);
        }
    }

    record TherapyEvent(TherapyEventSubmission event, UnaryOperator<String> locate, List<Violation> readProblems)
            implements SubmittedItem {
        public TherapyEvent {
            readProblems = List.copyOf(readProblems);
        }
    }

    record Patient(PatientSubmission patient, UnaryOperator<String> locate, List<Violation> readProblems)
            implements SubmittedItem {
        public Patient {
            readProblems = List.copyOf(readProblems);
        }
    }
}
