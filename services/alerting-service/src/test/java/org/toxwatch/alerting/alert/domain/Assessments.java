package org.toxwatch.alerting.alert.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.ToxicityAssessed;

/** Assessments as the monitoring service publishes them, for alerting tests. */
public final class Assessments {

    public static ToxicityAssessed anAssessment(String patientId, Criterion criterion, @Nullable Integer grade) {
        return anAssessment(patientId, criterion, grade, null);
    }

    /** An assessment whose clinical time (and that of its evidence) is {@code assessedAt}. */
    public static ToxicityAssessed anAssessmentAt(
            String patientId, Criterion criterion, int grade, Instant assessedAt) {
        var assessment = anAssessment(patientId, criterion, grade, null);
        return new ToxicityAssessed(
                assessment.eventId(),
                patientId,
                assessedAt,
                assessedAt.plusSeconds(1),
                criterion,
                criterion.id(),
                grade,
                null,
                null,
                assessment.summary(),
                assessment.thresholds(),
                assessment.evidence(),
                false,
                assessment.referenceRangeSource(),
                null,
                assessment.catalogueVersion(),
                assessment.sourceSystem(),
                assessment.sourceMessageId());
    }

    public static ToxicityAssessed anAssessmentDuringTherapy(String patientId, Criterion criterion, int grade) {
        return anAssessment(
                patientId,
                criterion,
                grade,
                new TherapyContext(Therapy.INOTUZUMAB_OZOGAMICIN, Instant.parse("2026-11-12T08:00:00Z"), 7, null));
    }

    /** {@code assessment} with this evidence instead of the neutrophil count. */
    public static ToxicityAssessed withEvidence(ToxicityAssessed assessment, Evidence... evidence) {
        return copy(
                assessment,
                List.of(evidence),
                assessment.caveats(),
                assessment.withdrawnEvidence(),
                assessment.receivedAt());
    }

    /** {@code assessment} during {@code therapy}, replacing the grade {@code previousGrade} of its criterion. */
    public static ToxicityAssessed during(
            ToxicityAssessed assessment, TherapyContext therapy, @Nullable Integer previousGrade) {
        return new ToxicityAssessed(
                assessment.eventId(),
                assessment.patientId(),
                assessment.assessedAt(),
                assessment.producedAt(),
                assessment.criterion(),
                assessment.criterionId(),
                assessment.grade(),
                assessment.notAssessableReason(),
                previousGrade,
                assessment.summary(),
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                therapy,
                assessment.catalogueVersion(),
                assessment.sourceSystem(),
                assessment.sourceMessageId(),
                assessment.caveats(),
                assessment.withdrawnEvidence());
    }

    /** {@code assessment} with these caveats, e.g. graded from a hemolyzed specimen. */
    public static ToxicityAssessed withCaveats(ToxicityAssessed assessment, AssessmentCaveat... caveats) {
        return copy(assessment, assessment.evidence(), List.of(caveats), List.of(), assessment.receivedAt());
    }

    /**
     * An assessment of {@code criterion} at {@code grade} following a laboratory correction of the results that
     * {@code earlier} used: they are its withdrawn evidence, and a new result is its evidence.
     */
    public static ToxicityAssessed afterCorrectionOf(
            ToxicityAssessed earlier, Criterion criterion, @Nullable Integer grade) {
        var next = anAssessment(earlier.patientId(), criterion, grade, earlier.therapyContext());
        return copy(
                next,
                next.evidence(),
                List.of(AssessmentCaveat.SOURCE_RESULT_CORRECTED),
                earlier.evidence().stream().map(Evidence::eventId).toList(),
                next.receivedAt());
    }

    /** The same, after a cancellation. */
    public static ToxicityAssessed afterCancellationOf(
            ToxicityAssessed earlier, Criterion criterion, @Nullable Integer grade) {
        var corrected = afterCorrectionOf(earlier, criterion, grade);
        return copy(
                corrected,
                corrected.evidence(),
                List.of(AssessmentCaveat.SOURCE_RESULT_CANCELLED),
                corrected.withdrawnEvidence(),
                corrected.receivedAt());
    }

    private static ToxicityAssessed copy(
            ToxicityAssessed assessment,
            List<Evidence> evidence,
            List<AssessmentCaveat> caveats,
            List<UUID> withdrawn,
            @Nullable Instant receivedAt) {
        return new ToxicityAssessed(
                assessment.eventId(),
                assessment.patientId(),
                assessment.assessedAt(),
                assessment.producedAt(),
                assessment.criterion(),
                assessment.criterionId(),
                assessment.grade(),
                assessment.notAssessableReason(),
                assessment.previousGrade(),
                assessment.summary(),
                assessment.thresholds(),
                evidence,
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                assessment.catalogueVersion(),
                assessment.sourceSystem(),
                assessment.sourceMessageId(),
                caveats,
                withdrawn,
                receivedAt);
    }

    /** {@code assessment} as produced by an event ToxWatch received at {@code receivedAt}. */
    public static ToxicityAssessed receivedAt(ToxicityAssessed assessment, Instant receivedAt) {
        return copy(
                assessment, assessment.evidence(), assessment.caveats(), assessment.withdrawnEvidence(), receivedAt);
    }

    private static ToxicityAssessed anAssessment(
            String patientId, Criterion criterion, @Nullable Integer grade, @Nullable TherapyContext therapy) {
        var evidence = new Evidence(
                UUID.randomUUID(),
                "751-8",
                "Neutrophils [#/volume] in Blood",
                new BigDecimal("0.4"),
                "10*9/L",
                new BigDecimal("0.4"),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                Instant.parse("2026-11-20T08:00:00Z"),
                "lab-42");
        return new ToxicityAssessed(
                UUID.randomUUID(),
                patientId,
                Instant.parse("2026-11-20T08:00:00Z"),
                Instant.parse("2026-11-20T08:00:01Z"),
                criterion,
                criterion.id(),
                grade,
                grade == null ? "no result" : null,
                null,
                "test assessment",
                List.of(new AppliedThreshold(4, "v < 0.5 10*9/L", true)),
                List.of(evidence),
                false,
                ReferenceRangeSource.REPORTED,
                therapy,
                "test-catalogue",
                "monitoring",
                "lab-42");
    }

    private Assessments() {}
}
