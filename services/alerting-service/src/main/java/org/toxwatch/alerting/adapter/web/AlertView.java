package org.toxwatch.alerting.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.domain.AlertEpisode;
import org.toxwatch.alerting.domain.PriorityDriver;
import org.toxwatch.alerting.domain.patient.PatientDetails;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
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
        List<AppliedThreshold> thresholds,
        List<Evidence> evidence,
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
        boolean awaitingConfirmation) {

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
            @Nullable String summary) {

        static DrivenBy of(AlertEpisode episode) {
            PriorityDriver driver = episode.drivenBy();
            return new DrivenBy(
                    driver.assessmentEventId(),
                    driver.criterion(),
                    driver.criterion().id(),
                    driver.grade(),
                    episode.recovery().currentGrades().get(driver.criterion()),
                    driver.assessedAt(),
                    driver.summary());
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
                latest.thresholds(),
                latest.evidence(),
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
                episode.awaitsConfirmation());
    }
}
