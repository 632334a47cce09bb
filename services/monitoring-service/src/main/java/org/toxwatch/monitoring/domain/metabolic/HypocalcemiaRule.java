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
import org.toxwatch.monitoring.domain.lab.LowDirectionBands;
import org.toxwatch.monitoring.domain.lab.ReportedResultGrading;
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
            LowDirectionBands.of(1, "mg/dL", "8.0", "7.0", "6.0"));
    public static final HypocalcemiaRule IONIZED = new HypocalcemiaRule(
            Criterion.HYPOCALCEMIA_IONIZED,
            List.of(Analyte.CALCIUM_IONIZED),
            LowDirectionBands.of(1, "mmol/L", "1.0", "0.9", "0.8"));

    /** "collected within 24 h" of the total calcium (2.7). */
    public static final Duration ALBUMIN_WINDOW = Duration.ofHours(24);

    private static final BigDecimal ALBUMIN_FACTOR = new BigDecimal("0.8");
    private static final BigDecimal ALBUMIN_REFERENCE = new BigDecimal("4.0");

    private final Criterion criterion;
    private final List<Analyte> analytes;
    private final LowDirectionBands bands;

    private HypocalcemiaRule(Criterion criterion, List<Analyte> analytes, LowDirectionBands bands) {
        this.criterion = criterion;
        this.analytes = analytes;
        this.bands = bands;
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
     * Grades a calcium, censored or not, with the caveats of {@link ReportedResultGrading}; a censored albumin
     * corrects only when every value it allows gives the same grade.
     *
     * @param calcium corrected or total calcium for {@link #CORRECTED}, ionized calcium for {@link #IONIZED}
     * @param albumin used only to correct a total calcium; absent means the total is graded uncorrected
     */
    public Assessment assess(LabResult calcium, @Nullable LabResult albumin) {
        if (!analytes.contains(calcium.analyte())) {
            throw new IllegalArgumentException(criterion + " grades " + analytes + ", not " + calcium.analyte());
        }
        var correcting = calcium.analyte() == Analyte.CALCIUM_TOTAL ? albumin : null;
        return ReportedResultGrading.assess(calcium, correcting, "albumin", this::grade);
    }

    private Assessment grade(LabResult calcium, @Nullable LabResult correcting) {
        var lln = calcium.lower();
        var value = calcium.quantity();
        String subject = calcium.analyte().display();
        String note = null;
        if (calcium.analyte() == Analyte.CALCIUM_TOTAL) {
            if (correcting != null) {
                value = value.plusScaled(
                        ALBUMIN_FACTOR.multiply(ALBUMIN_REFERENCE), ALBUMIN_FACTOR.negate(), correcting.quantity());
                subject = Analyte.CALCIUM_CORRECTED.display();
                note = "Corrected from total calcium %s and albumin %s: total + 0.8 x (4.0 - albumin)."
                        .formatted(
                                calcium.quantity().display(),
                                correcting.quantity().display());
            } else {
                note = "uncorrectedCalcium = true: no albumin within 24 h, so the total calcium is graded uncorrected.";
            }
        }
        var ladder = new GradeLadder();
        bands.addTo(ladder, value, lln);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.missingLimit(criterion, calcium, "LLN", subject);
        }
        var assessment = LabAssessment.of(criterion, calcium, ladder)
                .subject(subject, value)
                .normalWhen(bands.normalCondition(lln))
                .limitFrom(lln)
                .alsoUsing(correcting)
                .labOnly(true);
        if (note != null) {
            assessment.note(note);
        }
        return assessment.build();
    }
}
