package org.toxwatch.monitoring.domain.cytopenia;

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
 * CTCAE v5.0 anemia from hemoglobin, CRITERIA.md 2.6, in g/dL.
 *
 * <p>[lab-only convention, admiral] CTCAE's grade 3 adds "transfusion indicated" and grade 4 has no number,
 * so every value below 8.0 g/dL is grade 3 and grade 4 is never assigned (L-1: Hb 5.0 is grade 3). Results
 * in mmol/L are converted (x 1.6114) and graded on the g/dL thresholds, never on CTCAE's rounded mmol/L
 * column.
 */
public final class AnemiaRule implements LabRule {

    private static final BigDecimal GRADE_1_FLOOR = new BigDecimal("10.0");
    private static final BigDecimal GRADE_2_FLOOR = new BigDecimal("8.0");
    private static final String UNIT = " g/dL";

    @Override
    public Criterion criterion() {
        return Criterion.ANEMIA;
    }

    @Override
    public List<Analyte> analytes() {
        return List.of(Analyte.HEMOGLOBIN);
    }

    @Override
    public Assessment assess(LabResult result, LabHistory history) {
        return assess(result);
    }

    public Assessment assess(LabResult result) {
        var value = result.quantity();
        var lln = result.lower();
        var ladder = new GradeLadder()
                .rung(3, "v < " + GRADE_2_FLOOR + UNIT, value.compareToCanonical(GRADE_2_FLOOR) < 0)
                .rung(
                        2,
                        GRADE_2_FLOOR + " <= v < " + GRADE_1_FLOOR + UNIT,
                        value.compareToCanonical(GRADE_2_FLOOR) >= 0 && value.compareToCanonical(GRADE_1_FLOOR) < 0)
                .rung(
                        1,
                        "v < LLN and v >= " + GRADE_1_FLOOR + UNIT + "; " + ReferenceLimit.describe("LLN", lln),
                        lln != null
                                && value.compareTo(lln.quantity()) < 0
                                && value.compareToCanonical(GRADE_1_FLOOR) >= 0);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.notAssessable(
                    criterion(), result, "no LLN for hemoglobin reported and no default in 13.4");
        }
        var assessment = LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v >= LLN; " + ReferenceLimit.describe("LLN", lln))
                .limitFrom(lln)
                .labOnly(true);
        if (ladder.grade() == 3) {
            assessment.note("Grade 4 has no numeric criterion and is never assigned from labs.");
        }
        return assessment.build();
    }
}
