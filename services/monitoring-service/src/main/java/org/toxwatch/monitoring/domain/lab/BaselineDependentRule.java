package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * A term whose grade also depends on the baseline of the therapy episode the result falls in (CRITERIA.md
 * 1.4): the liver terms (2.3), creatinine (2.4) and fibrinogen (2.9). Each term says what a missing baseline
 * means for it.
 */
public abstract class BaselineDependentRule implements LabRule {

    private final Criterion criterion;
    private final Analyte analyte;

    protected BaselineDependentRule(Criterion criterion, Analyte analyte) {
        this.criterion = criterion;
        this.analyte = analyte;
    }

    @Override
    public final Criterion criterion() {
        return criterion;
    }

    @Override
    public final List<Analyte> analytes() {
        return List.of(analyte);
    }

    /** Grades {@code result} against the baseline of its episode, if there is one. */
    @Override
    public final Assessment assess(LabResult result, LabHistory history) {
        return assess(result, history.baseline(analyte, result.observedAt()));
    }

    /** Grades {@code result} as when the baseline is missing. */
    public final Assessment assess(LabResult result) {
        return assess(result, (LabResult) null);
    }

    /** @param baseline the episode's baseline (1.4), absent when missing */
    public abstract Assessment assess(LabResult result, @Nullable LabResult baseline);

    /** The analyte whose results, and baseline, this term grades. */
    protected final Analyte analyte() {
        return analyte;
    }
}
