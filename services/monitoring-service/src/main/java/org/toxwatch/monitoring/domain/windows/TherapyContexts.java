package org.toxwatch.monitoring.domain.windows;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.TherapyEpisode;

/**
 * The therapy an assessment falls in: the episode at its time, the day numbers from T0 and the CAR-T infusion (1.5)
 * and the monitoring windows open then (9.2, 10), so a clinician reads a grade against its course.
 */
public final class TherapyContexts {

    private TherapyContexts() {}

    /** {@code assessment} with the therapy context at its time; unchanged outside every therapy episode. */
    public static Assessment attach(Assessment assessment, PatientState patient, GradingContext context) {
        var episode = patient.episodeAt(assessment.assessedAt());
        if (episode == null) {
            return assessment;
        }
        var at = assessment.assessedAt();
        return assessment.inTherapy(context.therapyContextAt(patient, at, () -> of(episode, at, context)));
    }

    private static TherapyContext of(TherapyEpisode episode, Instant at, GradingContext context) {
        var infusedAt = episode.therapy() == Therapy.CAR_T ? episode.carTInfusedAt() : null;
        var windows = monitoringWindows(episode, infusedAt, at, context);
        return new TherapyContext(
                episode.therapy(),
                episode.t0(),
                context.day(episode.t0(), at),
                infusedAt == null ? null : context.day(infusedAt, at),
                windows.highIntensity(),
                windows.descriptions());
    }

    /** CRITERIA.md 9.2 and 10: the monitoring windows open at {@code at}. */
    private static OpenWindows monitoringWindows(
            TherapyEpisode episode, @Nullable Instant infusedAt, Instant at, GradingContext context) {
        var hospitalZone = context.hospitalZone();
        return switch (episode.therapy()) {
            case BLINATUMOMAB -> BlinatumomabSupervision.openAt(episode.administrations(), at, hospitalZone);
            case CAR_T ->
                infusedAt == null || at.isBefore(infusedAt)
                        ? OpenWindows.NONE
                        : context.settings()
                                .carTWindows()
                                .openOn(
                                        episode.product(),
                                        infusedAt.atZone(hospitalZone).toLocalDate(),
                                        context.day(infusedAt, at));
            case INOTUZUMAB_OZOGAMICIN -> OpenWindows.NONE;
        };
    }
}
