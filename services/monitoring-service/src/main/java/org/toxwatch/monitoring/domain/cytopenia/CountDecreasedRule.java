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
 * CTCAE v5.0 "count decreased" terms for neutrophils, platelets, white blood cells and lymphocytes,
 * CRITERIA.md 2.5, in 10*9/L.
 *
 * <p>Grade 1 needs {@code v < LLN}; grades 2-4 are absolute numbers and win over a laboratory LLN that is
 * lower than the value (2.1, [lab-only convention, admiral]): lymphocytes 0.75 with LLN 0.70 is grade 2.
 * Only when that convention decides the grade is the assessment marked lab-only. Without an LLN (none
 * reported, no default) a value above every absolute threshold is not assessable.
 */
public final class CountDecreasedRule implements LabRule {

    public static final CountDecreasedRule NEUTROPHIL_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.NEUTROPHIL_COUNT_DECREASED, Analyte.ANC, "1.5", "1.0", "0.5");
    public static final CountDecreasedRule PLATELET_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.PLATELET_COUNT_DECREASED, Analyte.PLATELETS, "75.0", "50.0", "25.0");
    public static final CountDecreasedRule WHITE_BLOOD_CELL_DECREASED =
            new CountDecreasedRule(Criterion.WHITE_BLOOD_CELL_DECREASED, Analyte.WBC, "3.0", "2.0", "1.0");
    public static final CountDecreasedRule LYMPHOCYTE_COUNT_DECREASED =
            new CountDecreasedRule(Criterion.LYMPHOCYTE_COUNT_DECREASED, Analyte.LYMPHOCYTES, "0.8", "0.5", "0.2");

    private final Criterion criterion;
    private final Analyte analyte;
    private final BigDecimal grade1Floor;
    private final BigDecimal grade2Floor;
    private final BigDecimal grade3Floor;

    private CountDecreasedRule(
            Criterion criterion, Analyte analyte, String grade1Floor, String grade2Floor, String grade3Floor) {
        this.criterion = criterion;
        this.analyte = analyte;
        this.grade1Floor = new BigDecimal(grade1Floor);
        this.grade2Floor = new BigDecimal(grade2Floor);
        this.grade3Floor = new BigDecimal(grade3Floor);
    }

    @Override
    public Criterion criterion() {
        return criterion;
    }

    @Override
    public List<Analyte> analytes() {
        return List.of(analyte);
    }

    @Override
    public Assessment assess(LabResult result, LabHistory history) {
        return assess(result);
    }

    public Assessment assess(LabResult result) {
        if (result.analyte() != analyte) {
            throw new IllegalArgumentException(criterion + " grades " + analyte + ", not " + result.analyte());
        }
        var value = result.quantity();
        var unit = " " + analyte.canonicalUnit();
        var lln = result.lower();
        var belowLln = lln != null && value.compareTo(lln.quantity()) < 0;
        var ladder = new GradeLadder()
                .rung(4, "v < " + grade3Floor + unit, value.compareToCanonical(grade3Floor) < 0)
                .rung(
                        3,
                        grade3Floor + " <= v < " + grade2Floor + unit,
                        value.compareToCanonical(grade3Floor) >= 0 && value.compareToCanonical(grade2Floor) < 0)
                .rung(
                        2,
                        grade2Floor + " <= v < " + grade1Floor + unit,
                        value.compareToCanonical(grade2Floor) >= 0 && value.compareToCanonical(grade1Floor) < 0)
                .rung(
                        1,
                        "v < LLN and v >= " + grade1Floor + unit + "; " + ReferenceLimit.describe("LLN", lln),
                        belowLln && value.compareToCanonical(grade1Floor) >= 0);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.notAssessable(
                    criterion, result, "no LLN for " + analyte.display() + " reported and no default in 13.4");
        }
        var absoluteWonOverLln = ladder.grade() >= 2 && lln != null && !belowLln;
        var assessment = LabAssessment.of(criterion, result, ladder)
                .normalWhen("v >= LLN; " + ReferenceLimit.describe("LLN", lln))
                .limitFrom(lln)
                .labOnly(absoluteWonOverLln);
        if (absoluteWonOverLln) {
            assessment.note("The value is not below the laboratory's LLN, but CTCAE's absolute grade " + ladder.grade()
                    + " threshold applies (CRITERIA.md 2.1).");
        }
        return assessment.build();
    }
}
