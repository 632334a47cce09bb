package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.lab.AdultDefaultRanges;
import org.toxwatch.monitoring.domain.monitoringgap.ResultOverdue;
import org.toxwatch.monitoring.domain.windows.TherapyContexts;

/**
 * Grades a patient's state with every rule of {@link CriteriaCatalogue#rules()}, and decides what to publish. Each
 * rule builds its own inputs in its criterion's package; the grader names an adult default range applied to a
 * child, attaches the therapy context (day numbers are calendar days in the hospital's time zone, T0 and the CAR-T
 * infusion day being day 0, 1.5) and keeps what changed since the last publication.
 */
public final class ToxicityGrader {

    private final ZoneId hospitalZone;
    private final GradingSettings settings;
    private final @Nullable RecentLabReadings recentReadings;

    public ToxicityGrader(ZoneId hospitalZone) {
        this(hospitalZone, GradingSettings.defaults());
    }

    public ToxicityGrader(ZoneId hospitalZone, GradingSettings settings) {
        this(hospitalZone, settings, null);
    }

    private ToxicityGrader(ZoneId hospitalZone, GradingSettings settings, @Nullable RecentLabReadings recentReadings) {
        this.hospitalZone = Objects.requireNonNull(hospitalZone, "hospitalZone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recentReadings = recentReadings;
    }

    /**
     * This grader for one thread that grades patient after patient, as a stream task does: it keeps how the results
     * of the last few patients were read ({@link RecentLabReadings}), so a pass re-reads only the results that are new
     * since that patient's last pass. Grades exactly as this grader does; not to be shared between threads.
     */
    public ToxicityGrader withRecentReadings() {
        return new ToxicityGrader(hospitalZone, settings, new RecentLabReadings());
    }

    /** The latest assessment of every criterion the state has data for, in {@code Criterion} order. */
    public List<Assessment> assessAll(PatientState state) {
        var context = contextFor(state);
        var assessments = new ArrayList<Assessment>();
        for (var rule : CriteriaCatalogue.rules()) {
            var assessment = rule.assess(state, context);
            if (assessment != null) {
                context.graded(assessment);
                assessments.add(assessment);
            }
        }
        return assessments.stream()
                .map(assessment -> AdultDefaultRanges.namedFor(assessment, context.ageAt(assessment.assessedAt())))
                .map(assessment -> TherapyContexts.attach(assessment, state, context))
                .sorted(Comparator.comparing(Assessment::criterion))
                .toList();
    }

    /**
     * Grades the state and keeps only what changed since the last publication: a different grade (up or
     * down), a criterion that became assessable, or one that stopped being assessable. A criterion never
     * published that is not assessable is not published. The returned state records the new published grades.
     */
    public Reassessment reassess(PatientState state) {
        return reassess(state, null);
    }

    /**
     * {@link #reassess(PatientState)} after {@code correction} was applied to the state. Every criterion whose
     * published assessments used a result the correction replaced is published again, even at an unchanged grade:
     * the alert must learn that its grade no longer rests on the withdrawn result, and which result it rests on
     * now. A criterion left without any result is published as not assessable rather than keeping a grade nothing
     * supports.
     */
    public Reassessment reassess(PatientState state, @Nullable SourceCorrection correction) {
        var next = state;
        var changed = new ArrayList<Assessment>();
        var withdrawals = new EnumMap<Criterion, SourceCorrection.Withdrawal>(Criterion.class);
        var assessments = new ArrayList<>(assessAll(state));
        if (correction != null) {
            assessments.addAll(leftWithoutResults(state, correction, assessments));
        }
        for (var assessment : assessments) {
            var published = state.publishedGrade(assessment.criterion());
            var withdrawal = correction == null ? null : correction.withdrawnFrom(published);
            var isChange = published == null ? assessment.isGraded() : published.differsFrom(assessment);
            if (isChange || withdrawal != null) {
                changed.add(assessment);
                next = next.published(assessment);
                if (withdrawal != null) {
                    withdrawals.put(assessment.criterion(), withdrawal);
                }
            }
        }
        return new Reassessment(next, changed, withdrawals);
    }

    /** The criteria a correction leaves with nothing to grade, though a published assessment used what it replaced. */
    private List<Assessment> leftWithoutResults(
            PatientState state, SourceCorrection correction, List<Assessment> assessed) {
        var left = new ArrayList<Assessment>();
        for (var criterion : Criterion.values()) {
            boolean stillAssessed = assessed.stream().anyMatch(a -> a.criterion() == criterion);
            if (!stillAssessed && correction.withdrawnFrom(state.publishedGrade(criterion)) != null) {
                left.add(inTherapy(
                        state,
                        Assessment.notAssessable(
                                criterion,
                                correction.observedAt(),
                                "no longer graded: the result it was graded on was "
                                        + (correction.caveat() == AssessmentCaveat.SOURCE_RESULT_CANCELLED
                                                ? "cancelled"
                                                : "corrected"),
                                List.of())));
            }
        }
        return left;
    }

    /**
     * {@link #assessAll} as seen at {@code now} (wall-clock time): the same, except that whether a result is
     * overdue is judged at {@code now}, as the periodic check publishes it, not at the newest clinical time.
     */
    public List<Assessment> assessAllAt(PatientState state, Instant now) {
        var overdue = ResultOverdue.assess(state, now, hospitalZone);
        return assessAll(state).stream()
                .map(assessment -> assessment.criterion() == Criterion.RESULT_OVERDUE && overdue != null
                        ? inTherapy(state, overdue)
                        : assessment)
                .toList();
    }

    /**
     * The periodic check for results that have not come (CRITERIA.md 6.1/8.1/10 watches): only
     * {@link Criterion#RESULT_OVERDUE}, judged at {@code now} (wall-clock time: an absence produces no event).
     */
    public Reassessment reassessOverdue(PatientState state, Instant now) {
        var overdue = ResultOverdue.assess(state, now, hospitalZone);
        if (overdue == null) {
            return new Reassessment(state, List.of());
        }
        var assessment = inTherapy(state, overdue);
        var published = state.publishedGrade(Criterion.RESULT_OVERDUE);
        var isChange = published == null ? assessment.isGraded() : published.differsFrom(assessment);
        return isChange
                ? new Reassessment(state.published(assessment), List.of(assessment))
                : new Reassessment(state, List.of());
    }

    private Assessment inTherapy(PatientState state, Assessment assessment) {
        return TherapyContexts.attach(assessment, state, contextFor(state));
    }

    private GradingContext contextFor(PatientState state) {
        return new GradingContext(
                state,
                hospitalZone,
                settings,
                recentReadings == null ? null : recentReadings.newPass(state.patientId()));
    }
}
