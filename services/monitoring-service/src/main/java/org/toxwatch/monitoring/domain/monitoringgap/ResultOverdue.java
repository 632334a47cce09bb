package org.toxwatch.monitoring.domain.monitoringgap;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.TherapyAdministration;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * {@link Criterion#RESULT_OVERDUE}: a result the monitoring schedule expects has not come. Grade 1 (ToxWatch
 * convention) when one is overdue, 0 when every watched result is in, absent for a patient no watch ever applied
 * to. Two watches:
 *
 * <ul>
 *   <li><b>Daily ANC after CAR-T</b>: from the infusion to day 30 (the early ICAHT window, CRITERIA.md 6.1 and
 *       10, which is graded from daily counts), an ANC is overdue once 24 h pass without one (since the later
 *       of the last ANC and the infusion). The 24 h come from the issue that asked for this signal; CRITERIA.md
 *       gives the window, not the interval.
 *   <li><b>Liver tests before an inotuzumab dose</b> (CRITERIA.md 8.1: ALT, AST, total bilirubin and ALP before
 *       each dose): overdue from the hospital day the next dose can first be given (7 days after a day-1 or
 *       day-8 dose; after day 15, 7 days in the 21-day cycle 1 and 14 days in the 28-day later cycles, 8.2) while
 *       any of the four has not been drawn since the last dose, for as long as the VOD watch runs (56 days).
 *       A dose sent without its cycle and day leaves the schedule unknown and is not watched.
 * </ul>
 *
 * Evaluated at the newest clinical time when events arrive, and at wall-clock time by the stream's periodic
 * check, since an absence produces no event of its own.
 */
public final class ResultOverdue implements PatientRule {

    static final Duration ANC_INTERVAL = Duration.ofHours(24);
    static final int CAR_T_ANC_WATCH_LAST_DAY = 30;
    static final Duration INOTUZUMAB_WATCH = Duration.ofDays(56);
    static final List<Analyte> PRE_DOSE_LIVER_TESTS =
            List.of(Analyte.ALT, Analyte.AST, Analyte.TOTAL_BILIRUBIN, Analyte.ALP);

    /** Judged at the newest clinical time of the patient, as grading on an event does. */
    public static final ResultOverdue AT_NEWEST_EVENT = new ResultOverdue();

    private ResultOverdue() {}

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        var now = patient.newestEventTime();
        return now == null ? null : assess(patient, now, context.hospitalZone());
    }

    public static @Nullable Assessment assess(PatientState state, Instant now, ZoneId hospitalZone) {
        boolean watched = false;
        var overdue = new ArrayList<String>();
        var thresholds = new ArrayList<AppliedThreshold>();

        Instant infusedAt = latestCarTInfusion(state);
        if (infusedAt != null) {
            watched = true;
            long day = day(infusedAt, now, hospitalZone);
            boolean inWindow = day >= 0 && day <= CAR_T_ANC_WATCH_LAST_DAY;
            Instant since = latest(infusedAt, newestCollection(state, Analyte.ANC));
            boolean late = inWindow && Duration.between(since, now).compareTo(ANC_INTERVAL) > 0;
            if (late) {
                overdue.add("no ANC for " + Duration.between(since, now).toHours() + " h on CAR-T day " + day
                        + " (a daily ANC is expected from the infusion to day 30)");
            }
            thresholds.add(new AppliedThreshold(1, "CAR-T days 0-30: more than 24 h since the last ANC", late));
        }

        TherapyEpisode inotuzumab = latestInotuzumabEpisode(state);
        if (inotuzumab != null && !inotuzumab.doses().isEmpty()) {
            watched = true;
            TherapyAdministration last = inotuzumab.doses().getLast();
            Instant due = nextDoseDay(last, hospitalZone);
            boolean watching = due != null
                    && Duration.between(last.occurredAt(), now).compareTo(INOTUZUMAB_WATCH) <= 0
                    && !now.isBefore(due);
            var missing = new ArrayList<String>();
            if (watching) {
                for (Analyte test : PRE_DOSE_LIVER_TESTS) {
                    Instant drawn = newestCollection(state, test);
                    if (drawn == null || !drawn.isAfter(last.occurredAt())) {
                        missing.add(test.name());
                    }
                }
            }
            if (!missing.isEmpty()) {
                overdue.add("no " + String.join(", ", missing) + " since the last inotuzumab dose (cycle "
                        + last.cycle() + " day " + last.cycleDay() + "); the next dose is due");
            }
            thresholds.add(new AppliedThreshold(
                    1,
                    "inotuzumab: ALT, AST, total bilirubin and ALP drawn since the last dose by the next dose day",
                    !missing.isEmpty()));
        }

        if (!watched) {
            return null;
        }
        String summary = overdue.isEmpty()
                ? "No expected result is overdue."
                : "Result overdue: " + String.join("; ", overdue) + ".";
        return Assessment.graded(
                Criterion.RESULT_OVERDUE,
                overdue.isEmpty() ? 0 : 1,
                now,
                summary,
                thresholds,
                List.of(),
                false,
                ReferenceRangeSource.NOT_USED);
    }

    /** The first day the next dose can be given, at the start of that hospital day; null if unknown. */
    static @Nullable Instant nextDoseDay(TherapyAdministration last, ZoneId hospitalZone) {
        if (last.cycle() == null || last.cycleDay() == null) {
            return null;
        }
        int days = switch (last.cycleDay()) {
            case 1, 8 -> 7;
            case 15 -> last.cycle() == 1 ? 7 : 14;
            default -> -1;
        };
        if (days < 0) {
            return null;
        }
        return last.occurredAt()
                .atZone(hospitalZone)
                .toLocalDate()
                .plusDays(days)
                .atStartOfDay(hospitalZone)
                .toInstant();
    }

    private static @Nullable Instant latestCarTInfusion(PatientState state) {
        return state.episodes().stream()
                .map(TherapyEpisode::carTInfusedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static @Nullable TherapyEpisode latestInotuzumabEpisode(PatientState state) {
        TherapyEpisode latest = null;
        for (TherapyEpisode episode : state.episodes()) {
            if (episode.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN) {
                latest = episode;
            }
        }
        return latest;
    }

    private static @Nullable Instant newestCollection(PatientState state, Analyte analyte) {
        var newest = state.newestLab(analyte);
        return newest == null ? null : newest.observedAt();
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static long day(Instant dayZero, Instant at, ZoneId zone) {
        return ChronoUnit.DAYS.between(
                dayZero.atZone(zone).toLocalDate(), at.atZone(zone).toLocalDate());
    }
}
