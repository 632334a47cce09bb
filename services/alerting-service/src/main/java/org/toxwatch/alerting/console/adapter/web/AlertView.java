package org.toxwatch.alerting.console.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.PriorityDriver;
import org.toxwatch.alerting.alert.domain.WardQueue;
import org.toxwatch.alerting.patient.domain.PatientDetails;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.ToxicityFamily;

/**
 * An alert as the API shows it: what, how bad, how urgent and why, with the evidence behind the grade.
 *
 * @param drivenBy the assessment whose criterion and grade gave the alert its priority: what its headline names,
 *     while {@code criterion} and {@code grade} are those of the latest assessment
 * @param labOnlyNote shown when the grade follows a lab-only convention (CRITERIA.md 1.6)
 * @param catalogueVersion the version of the criteria catalogue monitoring graded with
 * @param assessmentEventId the assessment the alert now shows
 * @param sourceMessageId the source message whose arrival produced that assessment
 * @param normalSince since when every criterion of the episode has been back at grade 0, if it is
 * @param resolutionProposedAt when ToxWatch proposed resolving it; a clinician confirms by resolving
 * @param caveats what a clinician must know to read the grade shown (hemolyzed specimen, source result corrected,
 *     ...)
 * @param patient who the alert is about, as far as the patient records said (null when nothing was said yet);
 *     only clinicians read alerts
 * @param awaitingConfirmation every grade that alerts in this episode came from a compromised specimen: it does not
 *     page until a result without that caveat confirms it
 * @param priorityReasonText why the alert has its priority, in words ("grade 4 → high")
 * @param summaryText the summary in clinical words (units as a ward writes them, no codes)
 * @param onsetAt clinical time of the assessment that drove the priority: the queue counts the onset from it
 * @param trend how the latest assessment's grade moved against the grade it replaced; absent for a first grade
 * @param therapyDay the therapy and its day as the team counts it, e.g. {@code CAR-T day +5}; absent without therapy
 */
record AlertView(
        UUID alertId,
        String patientId,
        @Nullable PatientView patient,
        ToxicityFamily family,
        Criterion criterion,
        String criterionId,
        @Nullable Integer grade,
        int highestGrade,
        DrivenBy drivenBy,
        AlertPriority priority,
        String priorityReason,
        String policyVersion,
        AlertStatus status,
        @Nullable String assignee,
        @Nullable Instant snoozedUntil,
        Instant createdAt,
        Instant updatedAt,
        String summary,
        List<ThresholdView> thresholds,
        List<EvidenceView> evidence,
        ReferenceRangeSource referenceRangeSource,
        @Nullable String labOnlyNote,
        @Nullable TherapyContext therapyContext,
        String catalogueVersion,
        Instant assessedAt,
        UUID assessmentEventId,
        String sourceMessageId,
        @Nullable Instant normalSince,
        @Nullable Instant resolutionProposedAt,
        List<AssessmentCaveat> caveats,
        boolean awaitingConfirmation,
        String priorityReasonText,
        String summaryText,
        Instant onsetAt,
        @Nullable Trend trend,
        @Nullable String therapyDay) {

    /** The direction of the grade: worse is up. */
    enum Trend {
        WORSENING,
        UNCHANGED,
        IMPROVING;

        static @Nullable Trend of(@Nullable Integer grade, @Nullable Integer previousGrade) {
            if (grade == null || previousGrade == null) {
                return null;
            }
            int change = Integer.compare(grade, previousGrade);
            return change > 0 ? WORSENING : change < 0 ? IMPROVING : UNCHANGED;
        }
    }

    /**
     * A condition of the criteria table, as graded ({@code condition}) and in clinical words ({@code text}).
     *
     * @param text e.g. {@code ANC < 0.5 × 10⁹/L} for {@code v < 0.5 10*9/L}
     */
    record ThresholdView(int grade, String condition, boolean met, String text) {

        static ThresholdView of(Criterion criterion, AppliedThreshold threshold) {
            return new ThresholdView(
                    threshold.grade(),
                    threshold.condition(),
                    threshold.met(),
                    ClinicalWording.condition(criterion, threshold.condition()));
        }
    }

    /**
     * An observation the grade used, as received, with what a clinician reads: {@code name} ("Oxygen"),
     * {@code reading} ("nasal cannula 8 L/min", "0.4 × 10⁹/L") and {@code referenceRangeText} ("1.8–7.7 × 10⁹/L").
     */
    record EvidenceView(
            UUID eventId,
            String code,
            String display,
            @Nullable BigDecimal value,
            @Nullable String unit,
            @Nullable BigDecimal canonicalValue,
            @Nullable String canonicalUnit,
            @Nullable ReferenceRange referenceRange,
            Instant observedAt,
            String sourceMessageId,
            String name,
            String reading,
            String referenceRangeText) {

        static EvidenceView of(Evidence evidence) {
            return new EvidenceView(
                    evidence.eventId(),
                    evidence.code(),
                    evidence.display(),
                    evidence.value(),
                    evidence.unit(),
                    evidence.canonicalValue(),
                    evidence.canonicalUnit(),
                    evidence.referenceRange(),
                    evidence.observedAt(),
                    evidence.sourceMessageId(),
                    ClinicalWording.name(evidence),
                    ClinicalWording.reading(evidence),
                    ClinicalWording.range(evidence.referenceRange(), evidence.unit()));
        }
    }

    /**
     * The assessment that drove the priority, as the API shows it.
     *
     * @param currentGrade the latest grade of the same criterion in this episode, which may have fallen since
     */
    record DrivenBy(
            UUID assessmentEventId,
            Criterion criterion,
            String criterionId,
            int grade,
            @Nullable Integer currentGrade,
            @Nullable Instant assessedAt,
            @Nullable String summary,
            @Nullable String summaryText) {

        static DrivenBy of(AlertEpisode episode) {
            PriorityDriver driver = episode.drivenBy();
            return new DrivenBy(
                    driver.assessmentEventId(),
                    driver.criterion(),
                    driver.criterion().id(),
                    driver.grade(),
                    episode.recovery().currentGrades().get(driver.criterion()),
                    driver.assessedAt(),
                    driver.summary(),
                    driver.summary() == null ? null : ClinicalWording.text(driver.summary()));
        }
    }

    static final String LAB_ONLY_NOTE = "lab-only grade; clinical criteria not assessed";

    static AlertView of(AlertEpisode episode, @Nullable PatientDetails patient) {
        var latest = episode.latest();
        return new AlertView(
                episode.alertId(),
                episode.patientId(),
                patient == null ? null : PatientView.of(patient),
                episode.family(),
                latest.criterion(),
                latest.criterionId(),
                latest.grade(),
                episode.highestGrade(),
                DrivenBy.of(episode),
                episode.priority(),
                episode.priorityReason(),
                episode.policyVersion(),
                episode.status(),
                episode.assignee(),
                episode.snoozedUntil(),
                episode.createdAt(),
                episode.updatedAt(),
                latest.summary(),
                latest.thresholds().stream()
                        .map(threshold -> ThresholdView.of(latest.criterion(), threshold))
                        .toList(),
                latest.evidence().stream().map(EvidenceView::of).toList(),
                latest.referenceRangeSource(),
                latest.labOnlyGrading() ? LAB_ONLY_NOTE : null,
                latest.therapyContext(),
                latest.catalogueVersion(),
                latest.assessedAt(),
                latest.eventId(),
                latest.sourceMessageId(),
                episode.recovery().normalSince(),
                episode.recovery().proposedAt(),
                latest.caveats(),
                episode.awaitsConfirmation(),
                ClinicalWording.priorityReason(episode.priorityReason()),
                ClinicalWording.text(latest.summary()),
                WardQueue.onset(episode),
                Trend.of(latest.grade(), latest.previousGrade()),
                ClinicalWording.therapyDay(latest.therapyContext()));
    }
}
