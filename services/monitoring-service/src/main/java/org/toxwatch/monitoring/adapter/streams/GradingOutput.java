package org.toxwatch.monitoring.adapter.streams;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.ToxicityAssessed;

/** What the grading processor emits: an assessment, the patient's grades after it, or an input it could not apply. */
record GradingOutput(
        @Nullable ToxicityAssessed assessment,
        @Nullable RejectedInput deadLetter,
        @Nullable PatientGradesSnapshot grades) {

    static GradingOutput assessed(ToxicityAssessed assessment) {
        return new GradingOutput(assessment, null, null);
    }

    static GradingOutput deadLetter(RejectedInput rejected) {
        return new GradingOutput(null, rejected, null);
    }

    static GradingOutput snapshot(PatientGradesSnapshot grades) {
        return new GradingOutput(null, null, grades);
    }

    boolean isDeadLetter() {
        return deadLetter != null;
    }

    boolean isSnapshot() {
        return grades != null;
    }
}
