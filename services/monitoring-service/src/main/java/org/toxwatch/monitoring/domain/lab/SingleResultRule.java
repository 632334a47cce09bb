package org.toxwatch.monitoring.domain.lab;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * A term graded from one result and its reference limits alone, with no baseline and no companion result:
 * blood counts (CRITERIA.md 2.5), anemia (2.6), potassium and urate (2.7) and LDH (2.8).
 */
public abstract class SingleResultRule extends OneAnalyteRule {

    protected SingleResultRule(Criterion criterion, Analyte analyte) {
        super(criterion, analyte);
    }

    /** Grades {@code result}; the rest of the record plays no part. */
    @Override
    public final Assessment assess(LabResult result, LabHistory history) {
        return assess(result);
    }

    /**
     * Grades {@code result} against its reference limits and the term's absolute thresholds; a censored result
     * from every value it allows, with the caveats of {@link ReportedResultGrading}.
     */
    public final Assessment assess(LabResult result) {
        return ReportedResultGrading.assess(result, null, "", (exact, none) -> grade(exact));
    }

    /** Grades the exact number of {@code result} (a censored one at one of its ends). */
    protected abstract Assessment grade(LabResult result);
}
