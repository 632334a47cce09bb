package org.toxwatch.monitoring.domain.hematotoxicity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * ICAHT (CRITERIA.md 6.1) on a patient, from the infusion day of the latest CAR-T episode, over every value a
 * censored ANC allows: {@link #EARLY} once an ANC follows the infusion, {@link #LATE} from day 31 on.
 */
public enum CarTHematotoxicity implements PatientRule {
    /** CRITERIA.md 6.1 early ICAHT, from the infusion day of the latest CAR-T episode, once an ANC follows it. */
    EARLY,
    /** CRITERIA.md 6.1 late ICAHT: graded from day 31 after infusion on (days 31-100). */
    LATE;

    /** CRITERIA.md 6.1: the early ICAHT window is days 0-30 after infusion. */
    public static final int ICAHT_EARLY_LAST_DAY = 30;

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        return context.overCensored(Outcomes.GRADES, labs -> assess(patient, context, labs), Analyte.ANC);
    }

    private @Nullable Assessment assess(PatientState patient, GradingContext context, Labs labs) {
        var infusedAt = latestCarTInfusion(patient);
        var now = patient.newestEventTime();
        if (infusedAt == null || now == null) {
            return null;
        }
        return switch (this) {
            case EARLY ->
                hasAncSince(labs, infusedAt)
                        ? IcahtRule.early(ancs(labs), infusedAt, context.hospitalZone(), now)
                        : null;
            case LATE ->
                context.day(infusedAt, now) > ICAHT_EARLY_LAST_DAY
                        ? IcahtRule.late(ancs(labs), infusedAt, context.hospitalZone(), now)
                        : null;
        };
    }

    private static @Nullable Instant latestCarTInfusion(PatientState patient) {
        Instant latest = null;
        for (var episode : patient.episodes()) {
            var infusedAt = episode.therapy() == Therapy.CAR_T ? episode.carTInfusedAt() : null;
            if (infusedAt != null && (latest == null || infusedAt.isAfter(latest))) {
                latest = infusedAt;
            }
        }
        return latest;
    }

    private static List<Observation> ancs(Labs labs) {
        return labs.of(Analyte.ANC).stream().map(LabResult::observation).toList();
    }

    private static boolean hasAncSince(Labs labs, Instant from) {
        return ancs(labs).stream().anyMatch(anc -> !anc.observedAt().isBefore(from));
    }
}
