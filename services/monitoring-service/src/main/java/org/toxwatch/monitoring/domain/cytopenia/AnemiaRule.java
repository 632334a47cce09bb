package org.toxwatch.monitoring.domain.cytopenia;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LowDirectionBands;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 anemia from hemoglobin, CRITERIA.md 2.6, in g/dL.
 *
 * <p>[lab-only convention, admiral] CTCAE's grade 3 adds "transfusion indicated" and grade 4 has no number,
 * so every value below 8.0 g/dL is grade 3 and grade 4 is never assigned (L-1: Hb 5.0 is grade 3). Results
 * in mmol/L are converted (x 1.6114) and graded on the g/dL thresholds, never on CTCAE's rounded mmol/L
 * column.
 */
public final class AnemiaRule extends SingleResultRule {

    /** Grade 1 from 10.0 g/dL (below LLN), grade 2 from 8.0, grade 3 below 8.0. */
    private static final LowDirectionBands BANDS = LowDirectionBands.of(1, "g/dL", "10.0", "8.0");

    public AnemiaRule() {
        super(Criterion.ANEMIA, Analyte.HEMOGLOBIN);
    }

    @Override
    protected Assessment grade(LabResult result) {
        return BANDS.labOnlyAssessment(
                criterion(),
                result,
                "hemoglobin",
                3,
                "Grade 4 has no numeric criterion and is never assigned from labs.");
    }
}
