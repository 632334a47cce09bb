package org.toxwatch.monitoring.domain.lab;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * A term whose grade also depends on the baseline of the therapy episode the result falls in (CRITERIA.md
 * 1.4): the liver terms (2.3), creatinine (2.4) and fibrinogen (2.9). Each term says what a missing baseline
 * means for it.
 */
public abstract class BaselineDependentRule extends OneAnalyteRule {

    protected BaselineDependentRule(Criterion criterion, Analyte analyte) {
        super(criterion, analyte);
    }

    /** Grades {@code result} against the baseline of its episode, if there is one. */
    @Override
    public final Assessment assess(LabResult result, LabHistory history) {
        return assess(result, history.baseline(analyte(), result.observedAt()));
    }

    /** Grades {@code result} as when the baseline is missing. */
    public final Assessment assess(LabResult result) {
        return assess(result, (LabResult) null);
    }

    /**
     * Grades {@code result}, censored or not, with the caveats of {@link ReportedResultGrading}; a censored
     * baseline is used only when every value it allows gives the same grade.
     *
     * @param baseline the episode's baseline (1.4), absent when missing
     */
    public final Assessment assess(LabResult result, @Nullable LabResult baseline) {
        return ReportedResultGrading.assess(result, baseline, "baseline", this::grade);
    }

    /** Grades exact numbers: a result and a baseline each at a single probe. */
    protected abstract Assessment grade(LabResult result, @Nullable LabResult baseline);
}
