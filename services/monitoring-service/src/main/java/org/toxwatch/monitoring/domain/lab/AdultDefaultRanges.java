package org.toxwatch.monitoring.domain.lab;

import java.util.Optional;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;

/**
 * CRITERIA.md 13.4's defaults are adult ranges and the criteria give no paediatric ones, so ToxWatch grades a
 * child's result that came without a range against the adult default (1.3) and names that on the assessment
 * (issue 10 item 3): "Adult default range applied to a 6-year-old". This holds for every assessment graded against
 * a default limit, laboratory term or not (Hy's law, the dose decisions), so it is applied to the finished
 * assessment rather than inside each rule.
 */
public final class AdultDefaultRanges {

    private AdultDefaultRanges() {}

    /**
     * {@code assessment}, its summary naming the adult default when it was graded against one for a child.
     *
     * @param age the patient's age on the day of the assessment; empty when unknown (nothing to name then: an
     *     adult default for a patient of unknown age is what 1.3 asks for)
     */
    public static Assessment namedFor(Assessment assessment, Optional<AgeAtAssessment> age) {
        if (assessment.referenceRangeSource() != ReferenceRangeSource.DEFAULT
                || age.isEmpty()
                || !age.get().child()) {
            return assessment;
        }
        return new Assessment(
                assessment.criterion(),
                assessment.grade(),
                assessment.notAssessableReason(),
                assessment.assessedAt(),
                assessment.summary() + " " + note(age.get()),
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                assessment.caveats());
    }

    /** E.g. {@code Adult default range applied to a 6-year-old: ToxWatch has no paediatric default ranges (...).} */
    static String note(AgeAtAssessment age) {
        return "Adult default range applied to " + AgeNote.person(age) + ": ToxWatch has no paediatric default ranges"
                + " (docs/clinical/codes-and-units.md#default-ranges).";
    }
}
