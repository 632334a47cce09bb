package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/** A CTCAE v5.0 laboratory term of CRITERIA.md section 2, graded from one result. */
public interface LabRule {

    Criterion criterion();

    /**
     * The analytes whose newest result this rule grades, preferred first when two were collected at the same
     * time (e.g. corrected calcium before total calcium).
     */
    List<Analyte> analytes();

    /** Grades {@code result}, reading baselines or companion results from {@code history} where needed. */
    Assessment assess(LabResult result, LabHistory history);
}
