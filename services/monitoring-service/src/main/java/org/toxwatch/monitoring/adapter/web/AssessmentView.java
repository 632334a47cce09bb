package org.toxwatch.monitoring.adapter.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CriteriaCatalogue;

/** One criterion's current assessment as the API shows it, with everything that produced it. */
record AssessmentView(
        Criterion criterion,
        String criterionId,
        @Nullable Integer grade,
        @Nullable String notAssessableReason,
        String summary,
        List<AppliedThreshold> thresholds,
        List<Evidence> evidence,
        boolean labOnlyGrading,
        @Nullable String labOnlyNote,
        ReferenceRangeSource referenceRangeSource,
        @Nullable TherapyContext therapyContext,
        Instant assessedAt,
        String catalogueVersion,
        List<AssessmentCaveat> caveats) {

    static AssessmentView of(Assessment assessment) {
        return new AssessmentView(
                assessment.criterion(),
                assessment.criterion().id(),
                assessment.grade(),
                assessment.notAssessableReason(),
                assessment.summary(),
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.labOnlyGrading() ? "lab-only grade; clinical criteria not assessed" : null,
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                assessment.assessedAt(),
                CriteriaCatalogue.VERSION,
                assessment.caveats());
    }

    static List<AssessmentView> of(List<Assessment> assessments) {
        return assessments.stream().map(AssessmentView::of).toList();
    }
}
