package org.toxwatch.monitoring.application;

import java.util.List;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/** Use case: a patient's current assessment of every criterion, graded from the stored state as it is now. */
public final class ReadAssessments {

    /** The assessments, or where to ask instead. */
    public sealed interface Answer {
        record Current(List<Assessment> assessments) implements Answer {}

        record AskElsewhere(String hostAndPort) implements Answer {}
    }

    private final PatientStates states;
    private final ToxicityGrader grader;

    public ReadAssessments(PatientStates states, ToxicityGrader grader) {
        this.states = states;
        this.grader = grader;
    }

    public Answer of(String patientId) {
        return switch (states.locate(patientId)) {
            case PatientStates.Location.Here here ->
                new Answer.Current(here.state().map(grader::assessAll).orElse(List.of()));
            case PatientStates.Location.Elsewhere elsewhere -> new Answer.AskElsewhere(elsewhere.hostAndPort());
        };
    }
}
