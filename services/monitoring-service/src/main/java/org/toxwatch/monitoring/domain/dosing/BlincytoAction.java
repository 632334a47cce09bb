package org.toxwatch.monitoring.domain.dosing;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The BLINCYTO action rules (CRITERIA.md 9.1) on a patient whose current episode is blinatumomab, unless its
 * infusion has been stopped for longer than the 14-day treatment-free interval (9.2), with what the episode has
 * since its T0 and the CRS assessment graded earlier in the same pass. A value that may meet an action row is not
 * taken as safe to continue on.
 */
public final class BlincytoAction implements PatientRule {

    /** CRITERIA.md 9.2: 28 days of continuous infusion are followed by a 14-day treatment-free interval. */
    public static final Duration BLINATUMOMAB_TREATMENT_FREE_INTERVAL = Duration.ofDays(14);

    private static final Outcomes DECISIONS = Outcomes.decisions(
            "since a value that may meet a BLINCYTO action row is not taken as safe to continue on;"
                    + " the clinician confirms (docs/clinical/dose-rules.md#blincyto-actions)",
            "no action",
            "INTERRUPT",
            "DISCONTINUE");

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        var crs = context.gradedEarlier(Criterion.CYTOKINE_RELEASE_SYNDROME);
        return context.overCensored(
                DECISIONS,
                labs -> assess(patient, context, crs, labs),
                Analyte.ALT,
                Analyte.AST,
                Analyte.TOTAL_BILIRUBIN,
                Analyte.ANC);
    }

    private static @Nullable Assessment assess(
            PatientState patient, GradingContext context, @Nullable Assessment crs, Labs labs) {
        var now = patient.newestEventTime();
        var episode = now == null ? null : activeBlinatumomab(patient, now);
        if (now == null || episode == null) {
            return null;
        }
        var t0 = episode.t0();
        var inputs = new BlincytoInputs(
                now,
                context.hospitalZone(),
                context.settings().blincytoGradingSystem(),
                crs,
                patient.highestGradeSince(Criterion.CYTOKINE_RELEASE_SYNDROME, t0),
                patient.neuroAssessments().stream()
                        .filter(a -> !a.observedAt().isBefore(t0))
                        .toList(),
                newestSince(labs, Analyte.ALT, t0),
                newestSince(labs, Analyte.AST, t0),
                newestSince(labs, Analyte.TOTAL_BILIRUBIN, t0),
                labs.of(Analyte.ANC).stream()
                        .map(LabResult::observation)
                        .filter(anc -> !anc.observedAt().isBefore(t0))
                        .toList(),
                patient.profile());
        return inputs.isEmpty() ? null : BlincytoActionRules.assess(inputs);
    }

    /**
     * The patient's current episode when it is blinatumomab and its infusion is running, has not started yet, or
     * stopped no longer than the treatment-free interval ago (an interruption or the gap between cycles).
     */
    private static @Nullable TherapyEpisode activeBlinatumomab(PatientState patient, Instant now) {
        var episode = patient.episodeAt(now);
        if (episode == null || episode.therapy() != Therapy.BLINATUMOMAB) {
            return null;
        }
        var stoppedAt = episode.infusionStoppedAt(now);
        var ended = stoppedAt != null
                && Duration.between(stoppedAt, now).compareTo(BLINATUMOMAB_TREATMENT_FREE_INTERVAL) > 0;
        return ended ? null : episode;
    }

    private static @Nullable LabResult newestSince(Labs labs, Analyte analyte, Instant from) {
        var results = labs.of(analyte);
        var newest = results.isEmpty() ? null : results.getLast();
        return newest == null || newest.observedAt().isBefore(from) ? null : newest;
    }
}
