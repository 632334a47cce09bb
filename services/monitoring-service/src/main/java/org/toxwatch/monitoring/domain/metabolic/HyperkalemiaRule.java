package org.toxwatch.monitoring.domain.metabolic;

import java.math.BigDecimal;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 hyperkalemia, CRITERIA.md 2.7, in mmol/L.
 *
 * <p>Grades 2-4 are absolute, so a value above 5.5 is at least grade 2 whatever the ULN (2.1); grade 1 needs
 * {@code v > ULN}. CTCAE's "intervention initiated" and "hospitalization indicated" are ignored
 * ([lab-only convention, admiral]).
 */
public final class HyperkalemiaRule extends SingleResultRule {

    private static final BigDecimal GRADE_1_CEILING = new BigDecimal("5.5");
    private static final BigDecimal GRADE_2_CEILING = new BigDecimal("6.0");
    private static final BigDecimal GRADE_3_CEILING = new BigDecimal("7.0");
    private static final String UNIT = " mmol/L";

    public HyperkalemiaRule() {
        super(Criterion.HYPERKALEMIA, Analyte.POTASSIUM);
    }

    @Override
    protected Assessment grade(LabResult result) {
        var value = result.quantity();
        var uln = result.upper();
        var ladder = new GradeLadder()
                .rung(4, "v > " + GRADE_3_CEILING + UNIT, value.compareToCanonical(GRADE_3_CEILING) > 0)
                .rung(
                        3,
                        GRADE_2_CEILING + " < v <= " + GRADE_3_CEILING + UNIT,
                        value.compareToCanonical(GRADE_2_CEILING) > 0 && value.compareToCanonical(GRADE_3_CEILING) <= 0)
                .rung(
                        2,
                        GRADE_1_CEILING + " < v <= " + GRADE_2_CEILING + UNIT,
                        value.compareToCanonical(GRADE_1_CEILING) > 0 && value.compareToCanonical(GRADE_2_CEILING) <= 0)
                .rung(
                        1,
                        "ULN < v <= " + GRADE_1_CEILING + UNIT + "; " + ReferenceLimit.describe("ULN", uln),
                        uln != null
                                && value.compareTo(uln.quantity()) > 0
                                && value.compareToCanonical(GRADE_1_CEILING) <= 0);
        if (uln == null && ladder.grade() == 0) {
            return LabAssessment.missingLimit(criterion(), result, "ULN", "potassium");
        }
        return LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v <= ULN; " + ReferenceLimit.describe("ULN", uln))
                .limitFrom(uln)
                .labOnly(true)
                .build();
    }
}
