package org.toxwatch.monitoring.adapter.streams;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.ToxicityAssessed;

/** What the grading processor emits: an assessment, or an input it could not apply (dead letter). */
record GradingOutput(
        @Nullable ToxicityAssessed assessment, @Nullable RejectedInput deadLetter) {

    static GradingOutput assessed(ToxicityAssessed assessment) {
        return new GradingOutput(assessment, null);
    }

    static GradingOutput deadLetter(RejectedInput rejected) {
        return new GradingOutput(null, rejected);
    }

    boolean isDeadLetter() {
        return deadLetter != null;
    }
}
