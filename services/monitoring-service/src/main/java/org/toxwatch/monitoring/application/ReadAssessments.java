package org.toxwatch.monitoring.application;

import java.time.Clock;
import java.util.List;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * Use case: a patient's current assessment of every criterion, graded from the stored state as it is now; an
 * overdue result is judged at the wall-clock time of the question, as the periodic check publishes it.
 */
public final class ReadAssessments {

    /** The assessments, or where to ask instead. */
    public sealed interface Answer {
        record Current(List<Assessment> assessments) implements Answer {}

        record AskElsewhere(String hostAndPort) implements Answer {}
    }

    private final PatientStates states;
    private final ToxicityGrader grader;
    private final Clock clock;

    public ReadAssessments(PatientStates states, ToxicityGrader grader, Clock clock) {
        this.states = states;
        this.grader = grader;
        this.clock = clock;
    }

    public Answer of(String patientId) {
        return switch (states.locate(patientId)) {
            case PatientStates.Location.Here here ->
                new Answer.Current(here.state()
                        .map(state -> grader.assessAllAt(state, clock.instant()))
                        .orElse(List.of()));
            case PatientStates.Location.Elsewhere elsewhere -> new Answer.AskElsewhere(elsewhere.hostAndPort());
        };
    }
}
