package org.toxwatch.monitoring.domain.cytopenia;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LowDirectionBands;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 "count decreased" terms for neutrophils, platelets, white blood cells and lymphocytes,
 * CRITERIA.md 2.5, in 10*9/L.
 *
 * <p>Grade 1 needs {@code v < LLN}; grades 2-4 are absolute numbers and win over a laboratory LLN that is
 * lower than the value (2.1, [lab-only convention, admiral]): lymphocytes 0.75 with LLN 0.70 is grade 2.
 * Only when that convention decides the grade is the assessment marked lab-only. Without an LLN (none
 * reported, no default) a value above every absolute threshold is not assessable.
 */
public final class CountDecreasedRule extends SingleResultRule {

    public static final CountDecreasedRule NEUTROPHIL_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.NEUTROPHIL_COUNT_DECREASED, Analyte.ANC, "1.5", "1.0", "0.5");
    public static final CountDecreasedRule PLATELET_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.PLATELET_COUNT_DECREASED, Analyte.PLATELETS, "75.0", "50.0", "25.0");
    public static final CountDecreasedRule WHITE_BLOOD_CELL_DECREASED =
            new CountDecreasedRule(Criterion.WHITE_BLOOD_CELL_DECREASED, Analyte.WBC, "3.0", "2.0", "1.0");
    public static final CountDecreasedRule LYMPHOCYTE_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.LYMPHOCYTE_COUNT_DECREASED, Analyte.LYMPHOCYTES, "0.8", "0.5", "0.2");

    private final LowDirectionBands bands;

    private CountDecreasedRule(
            Criterion criterion, Analyte analyte, String grade1Floor, String grade2Floor, String grade3Floor) {
        super(criterion, analyte);
        this.bands = LowDirectionBands.of(1, analyte.canonicalUnit(), grade1Floor, grade2Floor, grade3Floor);
    }

    @Override
    protected Assessment grade(LabResult result) {
        if (result.analyte() != analyte()) {
            throw new IllegalArgumentException(criterion() + " grades " + analyte() + ", not " + result.analyte());
        }
        var value = result.quantity();
        var lln = result.lower();
        var ladder = new GradeLadder();
        bands.addTo(ladder, value, lln);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.missingLimit(
                    criterion(), result, "LLN", analyte().display());
        }
        var belowLln = lln != null && value.compareTo(lln.quantity()) < 0;
        var absoluteWonOverLln = ladder.grade() >= 2 && lln != null && !belowLln;
        var assessment = LabAssessment.of(criterion(), result, ladder)
                .normalWhen(bands.normalCondition(lln))
                .limitFrom(lln)
                .labOnly(absoluteWonOverLln);
        if (absoluteWonOverLln) {
            assessment.note("The value is not below the laboratory's LLN, but CTCAE's absolute grade " + ladder.grade()
                    + " threshold applies (docs/clinical/conventions.md#absolute-thresholds).");
        }
        return assessment.build();
    }
}
