package org.toxwatch.monitoring.domain.hepatotoxicity;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.BaselineDependentRule;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.MultipleOfLimitBands;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The CTCAE v5.0 "increased" liver terms, CRITERIA.md 2.3: ALT, AST, alkaline phosphatase, GGT and total
 * bilirubin.
 *
 * <p>v5.0 grades a patient whose baseline was already above ULN by multiples of that baseline B, ignoring
 * ULN; otherwise (baseline normal, exactly ULN, or missing: 1.4, L-7) by multiples of ULN as in 2.2. So ALT
 * 140 U/L with ULN 40 and B 100 is grade 0 (1.4 x B), although it is 3.5 x ULN. Grade 1 with an abnormal
 * baseline starts at 1.5 x B inclusive for ALT/AST, at 2.0 x B inclusive for ALP/GGT and just above B
 * for bilirubin. The baseline is converted before comparing when it was reported in another unit.
 */
public final class LiverTermRule extends BaselineDependentRule {

    public static final LiverTermRule ALANINE_AMINOTRANSFERASE_INCREASED = new LiverTermRule(
            Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
            Analyte.ALT,
            MultipleOfLimitBands.above("ULN", "3.0", "5.0", "20.0"),
            MultipleOfLimitBands.from("B", "1.5", "3.0", "5.0", "20.0"));
    public static final LiverTermRule ASPARTATE_AMINOTRANSFERASE_INCREASED = new LiverTermRule(
            Criterion.ASPARTATE_AMINOTRANSFERASE_INCREASED,
            Analyte.AST,
            MultipleOfLimitBands.above("ULN", "3.0", "5.0", "20.0"),
            MultipleOfLimitBands.from("B", "1.5", "3.0", "5.0", "20.0"));
    public static final LiverTermRule ALKALINE_PHOSPHATASE_INCREASED = new LiverTermRule(
            Criterion.ALKALINE_PHOSPHATASE_INCREASED,
            Analyte.ALP,
            MultipleOfLimitBands.above("ULN", "2.5", "5.0", "20.0"),
            MultipleOfLimitBands.from("B", "2.0", "2.5", "5.0", "20.0"));
    public static final LiverTermRule GGT_INCREASED = new LiverTermRule(
            Criterion.GGT_INCREASED,
            Analyte.GGT,
            MultipleOfLimitBands.above("ULN", "2.5", "5.0", "20.0"),
            MultipleOfLimitBands.from("B", "2.0", "2.5", "5.0", "20.0"));
    public static final LiverTermRule BLOOD_BILIRUBIN_INCREASED = new LiverTermRule(
            Criterion.BLOOD_BILIRUBIN_INCREASED,
            Analyte.TOTAL_BILIRUBIN,
            MultipleOfLimitBands.above("ULN", "1.5", "3.0", "10.0"),
            MultipleOfLimitBands.above("B", "1.5", "3.0", "10.0"));

    private final MultipleOfLimitBands baselineNormal;
    private final MultipleOfLimitBands baselineAbnormal;

    private LiverTermRule(
            Criterion criterion,
            Analyte analyte,
            MultipleOfLimitBands baselineNormal,
            MultipleOfLimitBands baselineAbnormal) {
        super(criterion, analyte);
        this.baselineNormal = baselineNormal;
        this.baselineAbnormal = baselineAbnormal;
    }

    /** @param baseline the episode's baseline (1.4); when missing, graded as if it were normal (1.4, L-7) */
    @Override
    protected Assessment grade(LabResult result, @Nullable LabResult baseline) {
        if (result.analyte() != analyte() || (baseline != null && baseline.analyte() != analyte())) {
            throw new IllegalArgumentException(criterion() + " grades " + analyte());
        }
        var ladder = new GradeLadder();
        if (baseline != null && isAboveItsUln(baseline)) {
            var baselineUln = baseline.upper();
            var b = "B = " + baseline.quantity().display();
            baselineAbnormal.addTo(ladder, result.quantity(), baseline.quantity(), b);
            return LabAssessment.of(criterion(), result, ladder)
                    .normalWhen(baselineAbnormal.normalCondition(b))
                    .limitFrom(baselineUln)
                    .alsoUsing(baseline)
                    .note("Baseline %s is above its %s, so CTCAE v5.0 grades by multiples of the baseline, not of ULN."
                            .formatted(baseline.describe(), ReferenceLimit.describe("ULN", baselineUln)))
                    .build();
        }
        var uln = result.upper();
        if (uln == null) {
            return LabAssessment.missingLimit(
                    criterion(), result, "ULN", analyte().display());
        }
        var limit = uln.describe("ULN");
        baselineNormal.addTo(ladder, result.quantity(), uln.quantity(), limit);
        return LabAssessment.of(criterion(), result, ladder)
                .normalWhen(baselineNormal.normalCondition(limit))
                .limitFrom(uln)
                .alsoUsing(baseline)
                .note(
                        baseline == null
                                ? "No baseline: graded as if the baseline were normal (docs/clinical/conventions.md#baseline)."
                                : "Baseline " + baseline.describe()
                                        + " is not above its ULN: graded by multiples of ULN.")
                .build();
    }

    /** CRITERIA.md 1.4: baseline abnormal (high) means B > the ULN attached to the baseline result. */
    static boolean isAboveItsUln(LabResult baseline) {
        var uln = baseline.upper();
        return uln != null && baseline.quantity().compareTo(uln.quantity()) > 0;
    }
}
