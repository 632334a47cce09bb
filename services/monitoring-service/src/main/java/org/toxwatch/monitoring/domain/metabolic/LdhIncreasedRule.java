package org.toxwatch.monitoring.domain.metabolic;

import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.GradeLadder;
import org.toxwatch.monitoring.domain.lab.LabAssessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.SingleResultRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * CTCAE v5.0 blood lactate dehydrogenase increased, CRITERIA.md 2.8, in U/L: grade 1 above ULN; v5.0 has no
 * higher grade for it.
 */
public final class LdhIncreasedRule extends SingleResultRule {

    public LdhIncreasedRule() {
        super(Criterion.BLOOD_LACTATE_DEHYDROGENASE_INCREASED, Analyte.LDH);
    }

    @Override
    protected Assessment grade(LabResult result) {
        var uln = result.upper();
        if (uln == null) {
            return LabAssessment.missingLimit(criterion(), result, "ULN", "LDH");
        }
        var limit = uln.describe("ULN");
        var ladder =
                new GradeLadder().rung(1, "v > ULN; " + limit, result.quantity().compareTo(uln.quantity()) > 0);
        return LabAssessment.of(criterion(), result, ladder)
                .normalWhen("v <= ULN; " + limit)
                .limitFrom(uln)
                .build();
    }
}
