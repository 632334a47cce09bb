package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.TherapyContext;

/**
 * The outcome of one rule for one patient at one time: a grade, or not assessable with the reason, and
 * everything that produced it.
 *
 * @param assessedAt clinical time of the newest evidence used
 * @param grade absent means not assessable; never turned into 0 (CRITERIA.md 1.2)
 * @param labOnlyGrading the grade follows a [lab-only convention] of CRITERIA.md 1.6
 * @param caveats what a clinician must know to read the grade (a censored result, a hemolyzed specimen, ...);
 *     the summary says each in words too
 */
public record Assessment(
        Criterion criterion,
        @Nullable Integer grade,
        @Nullable String notAssessableReason,
        Instant assessedAt,
        String summary,
        List<AppliedThreshold> thresholds,
        List<Evidence> evidence,
        boolean labOnlyGrading,
        ReferenceRangeSource referenceRangeSource,
        @Nullable TherapyContext therapyContext,
        List<AssessmentCaveat> caveats) {

    /** An assessment without caveats. */
    public Assessment(
            Criterion criterion,
            @Nullable Integer grade,
            @Nullable String notAssessableReason,
            Instant assessedAt,
            String summary,
            List<AppliedThreshold> thresholds,
            List<Evidence> evidence,
            boolean labOnlyGrading,
            ReferenceRangeSource referenceRangeSource,
            @Nullable TherapyContext therapyContext) {
        this(
                criterion,
                grade,
                notAssessableReason,
                assessedAt,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                therapyContext,
                List.of());
    }

    public Assessment {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(referenceRangeSource, "referenceRangeSource");
        if (grade == null && notAssessableReason == null) {
            throw new IllegalArgumentException("not assessable needs a reason");
        }
        thresholds = List.copyOf(thresholds);
        evidence = List.copyOf(evidence);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    public static Assessment graded(
            Criterion criterion,
            int grade,
            Instant assessedAt,
            String summary,
            List<AppliedThreshold> thresholds,
            List<Evidence> evidence,
            boolean labOnlyGrading,
            ReferenceRangeSource referenceRangeSource) {
        return new Assessment(
                criterion,
                grade,
                null,
                assessedAt,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                null);
    }

    public static Assessment notAssessable(
            Criterion criterion, Instant assessedAt, String reason, List<Evidence> evidence) {
        return new Assessment(
                criterion,
                null,
                reason,
                assessedAt,
                "not assessable: " + reason,
                List.of(),
                evidence,
                false,
                ReferenceRangeSource.NOT_USED,
                null);
    }

    public boolean isGraded() {
        return grade != null;
    }

    public Assessment inTherapy(@Nullable TherapyContext context) {
        return new Assessment(
                criterion,
                grade,
                notAssessableReason,
                assessedAt,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                context,
                caveats);
    }

    /** The same assessment with {@code caveatsToAdd} added to its caveats, each once, and its summary unchanged. */
    public Assessment withCaveats(List<AssessmentCaveat> caveatsToAdd) {
        var all = new ArrayList<>(caveats);
        caveatsToAdd.stream().filter(caveat -> !all.contains(caveat)).forEach(all::add);
        return new Assessment(
                criterion,
                grade,
                notAssessableReason,
                assessedAt,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                therapyContext,
                all);
    }
}
