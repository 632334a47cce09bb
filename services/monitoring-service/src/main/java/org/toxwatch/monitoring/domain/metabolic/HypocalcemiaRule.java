package org.toxwatch.monitoring.domain.metabolic;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabHistory;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LabRule;
import org.toxwatch.monitoring.domain.lab.Quantity;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 hypocalcemia, CRITERIA.md 2.7, as two separate terms like admiral: albumin-corrected serum
 * calcium in mg/dL and ionized calcium in mmol/L.
 *
 * <p>A corrected calcium sent by the laboratory is graded directly. A total calcium is corrected with the
 * albumin collected closest to it within 24 h, {@code corrected = total + 0.8 x (4.0 - albumin)} in mg/dL and
 * g/dL; without such an albumin the uncorrected total is graded and the summary says
 * {@code uncorrectedCalcium = true}. CTCAE's mmol/L column for corrected calcium is a rounded copy of the
 * mg/dL one, so values are converted (x 4.008) and graded in mg/dL. Clinical words in grades 2-4 are
 * ignored ([lab-only convention, admiral]).
 */
public final class HypocalcemiaRule implements LabRule {

    public static final HypocalcemiaRule CORRECTED = new HypocalcemiaRule(
            Criterion.HYPOCALCEMIA_CORRECTED,
            List.of(Analyte.CALCIUM_CORRECTED, Analyte.CALCIUM_TOTAL),
            "8.0",
            "7.0",
            "6.0",
            " mg/dL");
    public static final HypocalcemiaRule IONIZED = new HypocalcemiaRule(
            Criterion.HYPOCALCEMIA_IONIZED, List.of(Analyte.CALCIUM_IONIZED), "1.0", "0.9", "0.8", " mmol/L");

    /** "collected within 24 h" of the total calcium (2.7). */
    public static final Duration ALBUMIN_WINDOW = Duration.ofHours(24);

    private static final BigDecimal ALBUMIN_FACTOR = new BigDecimal("0.8");
    private static final BigDecimal ALBUMIN_REFERENCE = new BigDecimal("4.0");

    private final Criterion criterion;
    private final List<Analyte> analytes;
    private final BigDecimal grade1Floor;
    private final BigDecimal grade2Floor;
    private final BigDecimal grade3Floor;
    private final String unit;

    private HypocalcemiaRule(
            Criterion criterion,
            List<Analyte> analytes,
            String grade1Floor,
            String grade2Floor,
            String grade3Floor,
            String unit) {
        this.criterion = criterion;
        this.analytes = analytes;
        this.grade1Floor = new BigDecimal(grade1Floor);
        this.grade2Floor = new BigDecimal(grade2Floor);
        this.grade3Floor = new BigDecimal(grade3Floor);
        this.unit = unit;
    }

    @Override
    public Criterion criterion() {
        return criterion;
    }

    @Override
    public List<Analyte> analytes() {
        return analytes;
    }

    @Override
    public Assessment assess(LabResult result, LabHistory history) {
        var albumin = result.analyte() == Analyte.CALCIUM_TOTAL
                ? history.nearest(Analyte.ALBUMIN, result.observedAt(), ALBUMIN_WINDOW)
                : null;
        return assess(result, albumin);
    }

    /** Grades a calcium without an albumin: a total calcium is graded uncorrected. */
    public Assessment assess(LabResult calcium) {
        return assess(calcium, (LabResult) null);
    }

    /**
     * @param calcium corrected or total calcium for {@link #CORRECTED}, ionized calcium for {@link #IONIZED}
     * @param albumin used only to correct a total calcium; absent means the total is graded uncorrected
     */
    public Assessment assess(LabResult calcium, @Nullable LabResult albumin) {
        if (!analytes.contains(calcium.analyte())) {
            throw new IllegalArgumentException(criterion + " grades " + analytes + ", not " + calcium.analyte());
        }
        var correcting = calcium.analyte() == Analyte.CALCIUM_TOTAL ? albumin : null;
        var lln = calcium.lower();
        var value = calcium.quantity();
        String subject = calcium.analyte().display();
        String note = null;
        if (calcium.analyte() == Analyte.CALCIUM_TOTAL) {
            if (correcting != null) {
                var corrected = value.value()
                        .add(ALBUMIN_FACTOR.multiply(
                                ALBUMIN_REFERENCE.subtract(correcting.quantity().value())));
                value = Quantity.canonical(corrected, value.unit());
                subject = Analyte.CALCIUM_CORRECTED.display();
                note = "Corrected from total calcium %s and albumin %s: total + 0.8 x (4.0 - albumin)."
                        .formatted(
                                calcium.quantity().display(),
                                correcting.quantity().display());
            } else {
                note = "uncorrectedCalcium = true: no albumin within 24 h, so the total calcium is graded uncorrected.";
            }
        }
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
                    criterion, calcium, "no LLN for " + subject + " reported and no default in 13.4");
        }
        var assessment = LabAssessment.of(criterion, calcium, ladder)
                .subject(subject, value)
                .normalWhen("v >= LLN; " + ReferenceLimit.describe("LLN", lln))
                .limitFrom(lln)
                .alsoUsing(correcting)
                .labOnly(true);
        if (note != null) {
            assessment.note(note);
        }
        return assessment.build();
    }
}
