package org.toxwatch.monitoring.domain.coagulation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.BaselineDependentRule;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.Quantity;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 fibrinogen decreased, CRITERIA.md 2.9, in mg/dL, as admiral implements it.
 *
 * <p>Below 50 mg/dL is grade 4 whatever the LLN. Otherwise the LLN multiples grade it, and, whenever the
 * value is below LLN and a baseline exists, so does the percent decrease from baseline; the higher grade
 * wins. CTCAE's "if abnormal" could mean the baseline or the current value; like admiral, ToxWatch
 * reads it as the current value. A decrease of at least p% is tested as {@code v <= (1 - p/100) x B}, so no
 * division is involved.
 */
public final class FibrinogenDecreasedRule extends BaselineDependentRule {

    private static final BigDecimal ABSOLUTE_GRADE_4 = new BigDecimal("50");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");

    public FibrinogenDecreasedRule() {
        super(Criterion.FIBRINOGEN_DECREASED, Analyte.FIBRINOGEN);
    }

    /** @param baseline the episode's baseline (1.4); when missing, only the LLN and absolute criteria apply */
    @Override
    protected Assessment grade(LabResult result, @Nullable LabResult baseline) {
        var value = result.quantity();
        var lln = result.lower();
        var ladder = new GradeLadder()
                .rung(4, "v < " + ABSOLUTE_GRADE_4 + " mg/dL", value.compareToCanonical(ABSOLUTE_GRADE_4) < 0);
        if (lln == null) {
            if (ladder.grade() == 0) {
                return LabAssessment.missingLimit(criterion(), result, "LLN", "fibrinogen");
            }
            return LabAssessment.of(criterion(), result, ladder).build();
        }
        var limit = "; " + lln.describe("LLN");
        var l = lln.quantity();
        var belowQuarter = value.compareToMultiple(QUARTER, l) < 0;
        var belowHalf = value.compareToMultiple(HALF, l) < 0;
        var belowThreeQuarters = value.compareToMultiple(THREE_QUARTERS, l) < 0;
        var belowLln = value.compareTo(l) < 0;
        ladder.rung(4, "v < 0.25 x LLN" + limit, belowQuarter)
                .rung(3, "0.25 x LLN <= v < 0.5 x LLN" + limit, !belowQuarter && belowHalf)
                .rung(2, "0.5 x LLN <= v < 0.75 x LLN" + limit, !belowHalf && belowThreeQuarters)
                .rung(1, "0.75 x LLN <= v < LLN" + limit, !belowThreeQuarters && belowLln);
        var usesBaseline = belowLln && baseline != null;
        if (usesBaseline) {
            addPercentDecrease(ladder, value, baseline.quantity());
        }
        return LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v >= LLN" + limit)
                .limitFrom(lln)
                .alsoUsing(usesBaseline ? baseline : null)
                .build();
    }

    /** 2.9 step 3: grade 4 at a decrease of 75% or more, 3 at 50%, 2 at 25%, otherwise 1. */
    private static void addPercentDecrease(GradeLadder ladder, Quantity value, Quantity baseline) {
        var b = "; B = " + baseline.display();
        var decreasedBy75 = value.compareToMultiple(QUARTER, baseline) <= 0;
        var decreasedBy50 = value.compareToMultiple(HALF, baseline) <= 0;
        var decreasedBy25 = value.compareToMultiple(THREE_QUARTERS, baseline) <= 0;
        ladder.rung(4, "decrease from B >= 75%" + b, decreasedBy75)
                .rung(3, "50% <= decrease from B < 75%" + b, decreasedBy50 && !decreasedBy75)
                .rung(2, "25% <= decrease from B < 50%" + b, decreasedBy25 && !decreasedBy50)
                .rung(1, "decrease from B < 25%" + b, !decreasedBy25);
    }
}
