package org.toxwatch.monitoring.domain.renal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.BaselineDependentRule;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.MultipleOfLimitBands;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 creatinine increased, CRITERIA.md 2.4, in mg/dL.
 *
 * <p>CTCAE lists two independent criteria for grades 2 and 3, multiples of ULN and multiples of baseline;
 * ToxWatch computes both and reports the higher grade ([lab-only convention, admiral], L-4). The baseline
 * criterion does not need the value to exceed ULN: B 0.5, v 0.8, ULN 1.2 is grade 2. It has no grade 1 or
 * 4, and applies only when a baseline exists.
 */
public final class CreatinineIncreasedRule extends BaselineDependentRule {

    private static final MultipleOfLimitBands ULN_BANDS = MultipleOfLimitBands.above("ULN", "1.5", "3.0", "6.0");
    private static final BigDecimal BASELINE_GRADE_2 = new BigDecimal("1.5");
    private static final BigDecimal BASELINE_GRADE_3 = new BigDecimal("3.0");

    public CreatinineIncreasedRule() {
        super(Criterion.CREATININE_INCREASED, Analyte.CREATININE);
    }

    /** @param baseline the episode's baseline (1.4); when missing, the ULN criterion alone grades the result */
    @Override
    protected Assessment grade(LabResult result, @Nullable LabResult baseline) {
        var uln = result.upper();
        if (uln == null) {
            return LabAssessment.missingLimit(criterion(), result, "ULN", "creatinine");
        }
        var value = result.quantity();
        var limit = uln.describe("ULN");
        var ladder = new GradeLadder();
        ULN_BANDS.addTo(ladder, value, uln.quantity(), limit);
        var normal = ULN_BANDS.normalCondition(limit);
        if (baseline != null) {
            var b = baseline.quantity();
            var described = "; B = " + b.display();
            var aboveGrade2 = value.compareToMultiple(BASELINE_GRADE_2, b) > 0;
            var aboveGrade3 = value.compareToMultiple(BASELINE_GRADE_3, b) > 0;
            ladder.rung(3, "v > " + BASELINE_GRADE_3 + " x B" + described, aboveGrade3)
                    .rung(
                            2,
                            BASELINE_GRADE_2 + " x B < v <= " + BASELINE_GRADE_3 + " x B" + described,
                            aboveGrade2 && !aboveGrade3);
            normal = "v <= ULN and v <= " + BASELINE_GRADE_2 + " x B; " + limit + described;
        }
        return LabAssessment.of(criterion(), result, ladder)
                .normalWhen(normal)
                .limitFrom(uln)
                .alsoUsing(baseline)
                .labOnly(true)
                .note(
                        baseline == null
                                ? "No baseline: only the ULN criterion applies."
                                : "Graded by ULN and by baseline " + baseline.describe()
                                        + "; the higher grade is reported.")
                .build();
    }
}
