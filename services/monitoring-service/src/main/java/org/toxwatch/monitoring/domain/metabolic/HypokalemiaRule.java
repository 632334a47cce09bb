package org.toxwatch.monitoring.domain.metabolic;

import java.math.BigDecimal;
import java.util.List;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabHistory;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LabRule;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 hypokalemia, CRITERIA.md 2.7, in mmol/L.
 *
 * <p>CTCAE's grade 1 (asymptomatic) and grade 2 (symptomatic) share the numbers {@code <LLN - 3.0}; numbers
 * cannot tell them apart, so ToxWatch takes the worst case and never emits grade 1 ([lab-only convention,
 * admiral], L-2).
 */
public final class HypokalemiaRule implements LabRule {

    private static final BigDecimal GRADE_2_FLOOR = new BigDecimal("3.0");
    private static final BigDecimal GRADE_3_FLOOR = new BigDecimal("2.5");
    private static final String UNIT = " mmol/L";

    @Override
    public Criterion criterion() {
        return Criterion.HYPOKALEMIA;
    }

    @Override
    public List<Analyte> analytes() {
        return List.of(Analyte.POTASSIUM);
    }

    @Override
    public Assessment assess(LabResult result, LabHistory history) {
        return assess(result);
    }

    public Assessment assess(LabResult result) {
        var value = result.quantity();
        var lln = result.lower();
        var ladder = new GradeLadder()
                .rung(4, "v < " + GRADE_3_FLOOR + UNIT, value.compareToCanonical(GRADE_3_FLOOR) < 0)
                .rung(
                        3,
                        GRADE_3_FLOOR + " <= v < " + GRADE_2_FLOOR + UNIT,
                        value.compareToCanonical(GRADE_3_FLOOR) >= 0 && value.compareToCanonical(GRADE_2_FLOOR) < 0)
                .rung(
                        2,
                        "v < LLN and v >= " + GRADE_2_FLOOR + UNIT + "; " + ReferenceLimit.describe("LLN", lln),
                        lln != null
                                && value.compareTo(lln.quantity()) < 0
                                && value.compareToCanonical(GRADE_2_FLOOR) >= 0);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.notAssessable(
                    criterion(), result, "no LLN for potassium reported and no default in 13.4");
        }
        var assessment = LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v >= LLN; " + ReferenceLimit.describe("LLN", lln))
                .limitFrom(lln)
                .labOnly(true);
        if (ladder.grade() == 2) {
            assessment.note("CTCAE grades 1 and 2 share these numbers; \"symptomatic\" is assumed (grade 2).");
        }
        return assessment.build();
    }
}
