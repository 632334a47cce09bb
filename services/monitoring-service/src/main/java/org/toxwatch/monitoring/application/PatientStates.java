package org.toxwatch.monitoring.application;

import java.util.Optional;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * Port: where a patient's folded state lives. With several monitoring instances each holds the patients of
 * its partitions; a query for another instance's patient is answered by that instance.
 */
public interface PatientStates {

    /** Where the patient's state is. */
    sealed interface Location {
        /** This instance holds the patient; empty when monitoring has not seen them. */
        record Here(Optional<PatientState> state) implements Location {}

        /** Another instance holds the patient, reachable at {@code hostAndPort}. */
        record Elsewhere(String hostAndPort) implements Location {}
    }

    /**
     * @throws StateUnavailable while the state is being restored or rebalanced
     */
    Location locate(String patientId);

    /** The state cannot be read right now; the caller should retry shortly. */
    final class StateUnavailable extends RuntimeException {
        public StateUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
