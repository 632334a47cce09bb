package org.toxwatch.monitoring.domain.metabolic;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 hyperuricemia, CRITERIA.md 2.7, in mg/dL.
 *
 * <p>CTCAE separates grade 1 from grade 3 by "physiologic consequences", which numbers cannot see; ToxWatch
 * takes the worst case: above ULN is grade 3, grades 1 and 4 are never emitted ([lab-only convention,
 * admiral], L-3). This deliberately over-grades, and the summary says so.
 */
public final class HyperuricemiaRule extends SingleResultRule {

    /** The words CRITERIA.md 2.7 requires on the alert. */
    public static final String OVER_GRADING_NOTE =
            "urate above ULN; CTCAE grade 1 vs 3 depends on physiologic consequences not assessed";

    public HyperuricemiaRule() {
        super(Criterion.HYPERURICEMIA, Analyte.URATE);
    }

    @Override
    protected Assessment grade(LabResult result) {
        var uln = result.upper();
        if (uln == null) {
            return LabAssessment.missingLimit(criterion(), result, "ULN", "urate");
        }
        var limit = uln.describe("ULN");
        var ladder =
                new GradeLadder().rung(3, "v > ULN; " + limit, result.quantity().compareTo(uln.quantity()) > 0);
        var assessment = LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v <= ULN; " + limit)
                .limitFrom(uln)
                .labOnly(true);
        if (ladder.grade() == 3) {
            assessment.note(OVER_GRADING_NOTE + ".");
        }
        return assessment.build();
    }
}
