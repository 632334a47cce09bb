package org.toxwatch.monitoring.domain;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ToxicityGrader#reassess}: the state with the new published grades, and the
 * assessments to publish, only those whose grade changed or that became assessable.
 */
public record Reassessment(PatientState state, List<Assessment> changed) {

    public Reassessment {
        Objects.requireNonNull(state, "state");
        changed = List.copyOf(changed);
    }
}
