package org.toxwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A graded state of one criterion for one patient, published when the grade changes or first becomes
 * assessable. It explains itself: thresholds applied, observations used, the catalogue version and the
 * therapy context. Topic {@link Topics#ASSESSMENTS}, key {@code patientId}.
 *
 * @param assessedAt clinical time of the newest evidence (event time)
 * @param producedAt when the monitoring service produced the assessment
 * @param criterionId e.g. {@code CTCAE-5.0/neutrophil_count_decreased}
 * @param grade the grade, 0 meaning assessed and normal; absent means not assessable (see {@code
 *     notAssessableReason}), and an absent value is never turned into 0
 * @param previousGrade the grade this one replaces for the patient, if any
 * @param labOnlyGrading the grade comes from numbers only; clinical criteria were not assessed (CRITERIA.md 1.6)
 * @param catalogueVersion version of the criteria catalogue whose thresholds were applied
 * @param sourceSystem the service that produced it ({@code monitoring})
 * @param sourceMessageId the source message id of the input event whose arrival produced this assessment
 * @param caveats what a clinician must know to read the grade (censored result, hemolyzed specimen, ...)
 * @param withdrawnEvidence event ids of results earlier assessments used that a correction or cancellation has
 *     since replaced; an alert whose grade rested only on them is withdrawn or lowered
 * @param receivedAt when ToxWatch received the input event whose arrival produced this assessment (ingest's
 *     {@code receivedAt}), so that the delay to the alert can be told apart from laboratory turnaround; absent for an
 *     assessment no received event produced (the periodic overdue check, a removed patient record) and in events
 *     published before it was carried
 */
public record ToxicityAssessed(
        UUID eventId,
        String patientId,
        Instant assessedAt,
        Instant producedAt,
        Criterion criterion,
        String criterionId,
        @Nullable Integer grade,
        @Nullable String notAssessableReason,
        @Nullable Integer previousGrade,
        String summary,
        List<AppliedThreshold> thresholds,
        List<Evidence> evidence,
        boolean labOnlyGrading,
        ReferenceRangeSource referenceRangeSource,
        @Nullable TherapyContext therapyContext,
        String catalogueVersion,
        String sourceSystem,
        String sourceMessageId,
        @Nullable List<AssessmentCaveat> caveats,
        @Nullable List<UUID> withdrawnEvidence,
        @Nullable Instant receivedAt) {

    /** An assessment whose receipt time is not known. */
    public ToxicityAssessed(
            UUID eventId,
            String patientId,
            Instant assessedAt,
            Instant producedAt,
            Criterion criterion,
            String criterionId,
            @Nullable Integer grade,
            @Nullable String notAssessableReason,
            @Nullable Integer previousGrade,
            String summary,
            List<AppliedThreshold> thresholds,
            List<Evidence> evidence,
            boolean labOnlyGrading,
            ReferenceRangeSource referenceRangeSource,
            @Nullable TherapyContext therapyContext,
            String catalogueVersion,
            String sourceSystem,
            String sourceMessageId,
            @Nullable List<AssessmentCaveat> caveats,
            @Nullable List<UUID> withdrawnEvidence) {
        this(
                eventId,
                patientId,
                assessedAt,
                producedAt,
                criterion,
                criterionId,
                grade,
                notAssessableReason,
                previousGrade,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                therapyContext,
                catalogueVersion,
                sourceSystem,
                sourceMessageId,
                caveats,
                withdrawnEvidence,
                null);
    }

    /** An assessment without caveats that withdraws nothing. */
    public ToxicityAssessed(
            UUID eventId,
            String patientId,
            Instant assessedAt,
            Instant producedAt,
            Criterion criterion,
            String criterionId,
            @Nullable Integer grade,
            @Nullable String notAssessableReason,
            @Nullable Integer previousGrade,
            String summary,
            List<AppliedThreshold> thresholds,
            List<Evidence> evidence,
            boolean labOnlyGrading,
            ReferenceRangeSource referenceRangeSource,
            @Nullable TherapyContext therapyContext,
            String catalogueVersion,
            String sourceSystem,
            String sourceMessageId) {
        this(
                eventId,
                patientId,
                assessedAt,
                producedAt,
                criterion,
                criterionId,
                grade,
                notAssessableReason,
                previousGrade,
                summary,
                thresholds,
                evidence,
                labOnlyGrading,
                referenceRangeSource,
                therapyContext,
                catalogueVersion,
                sourceSystem,
                sourceMessageId,
                List.of(),
                List.of());
    }

    public ToxicityAssessed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(criterionId, "criterionId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(referenceRangeSource, "referenceRangeSource");
        Objects.requireNonNull(catalogueVersion, "catalogueVersion");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        if (grade == null && notAssessableReason == null) {
            throw new IllegalArgumentException("an assessment without a grade must say why");
        }
        thresholds = List.copyOf(thresholds);
        evidence = List.copyOf(evidence);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        withdrawnEvidence = withdrawnEvidence == null ? List.of() : List.copyOf(withdrawnEvidence);
    }
}
