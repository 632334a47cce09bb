package org.toxwatch.monitoring.domain.metabolic;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LowDirectionBands;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 hypokalemia, CRITERIA.md 2.7, in mmol/L.
 *
 * <p>CTCAE's grade 1 (asymptomatic) and grade 2 (symptomatic) share the numbers {@code <LLN - 3.0}; numbers
 * cannot tell them apart, so ToxWatch takes the worst case and never emits grade 1 ([lab-only convention,
 * admiral], L-2).
 */
public final class HypokalemiaRule extends SingleResultRule {

    /** Grade 2 from 3.0 mmol/L (below LLN), grade 3 from 2.5, grade 4 below 2.5. */
    private static final LowDirectionBands BANDS = LowDirectionBands.of(2, "mmol/L", "3.0", "2.5");

    public HypokalemiaRule() {
        super(Criterion.HYPOKALEMIA, Analyte.POTASSIUM);
    }

    @Override
    protected Assessment grade(LabResult result) {
        return BANDS.labOnlyAssessment(
                criterion(),
                result,
                "potassium",
                2,
                "CTCAE grades 1 and 2 share these numbers; \"symptomatic\" is assumed (grade 2).");
    }
}
