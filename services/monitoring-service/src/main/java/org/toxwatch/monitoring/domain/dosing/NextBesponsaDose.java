package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.DosePlans;
import org.toxwatch.monitoring.domain.TherapyAdministration;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;

/**
 * Puts the BESPONSA pre-dose decision (CRITERIA.md 8.2) in front of the clinician before every dose, not only
 * when someone asks: after each event of the patient, the decision is taken for the <em>next dose</em>.
 *
 * <ul>
 *   <li>The next dose is the earliest pending planned dose: an inotuzumab plan not cancelled, not given (no dose of
 *       its cycle and day given since it was first ordered; a dose sent without its cycle and day gives the earliest
 *       plan ordered before it) and due no longer than 56 days ago (8.1). Without one,
 *       it follows the last dose given, by its cycle and day: day 1 then 8 then 15, then day 1 of the next cycle;
 *       a dose sent without its cycle and day leaves it unknown, and the episode is over 56 days after its last
 *       dose.
 *   <li>"Current" values are the newest ANC, platelets, total bilirubin, AST and ALT collected after the last
 *       dose (the label's "before each dose"); until all five are there, nothing is decided.
 *   <li>Pre-treatment values are the newest at or before the first dose (C1D1); ULNs come from each result's
 *       reported range or the 13.4 default. Each liver test is compared in its reported unit when the value, its
 *       ULN and its pre-treatment value share one (CRITERIA.md 1.1), else in the canonical unit.
 *   <li>Cycle 1 day 1 has no earlier dose: its current values are its pre-treatment values, the newest collected
 *       at most 30 days before the planned time (the baseline window of 1.4; 8.2 names no other), and all five
 *       are needed, as 8.2 lists the pre-treatment ANC and platelets among the inputs and the label wants a blood
 *       count before each dose. Only rules 1-3 can fire (rule 4 does not apply to C1D1).
 *   <li>"Previous cycle day 1" counts are the newest at or before that day-1 dose.
 *   <li>A platelet transfusion in the 24 h before the platelet count marks it transfusion-affected.
 *   <li>VOD/SOS or other severe liver toxicity diagnosed by a clinician, and not withdrawn, discontinues every
 *       later dose (rule 1, permanent): the decision is DISCONTINUE even before the labs are there.
 *   <li>When the dose decided for is cancelled and no other dose is pending, the decision is withdrawn: the
 *       criterion becomes not assessable, naming the cancelled plan.
 * </ul>
 */
public final class NextBesponsaDose {

    static final Duration EPISODE_OVER_AFTER = Duration.ofDays(56);
    /** CRITERIA.md 1.4: the window pre-treatment values of C1D1 are taken from. */
    static final Duration COURSE_START_LOOKBACK = Duration.ofDays(30);

    private static final Duration TRANSFUSION_LOOKBACK = Duration.ofHours(24);

    /** The patient's labs and transfusions, as the grader reads them. */
    public interface Labs {
        List<LabResult> anc();

        List<LabResult> platelets();

        List<LabResult> bilirubin();

        List<LabResult> ast();

        List<LabResult> alt();

        List<Instant> plateletTransfusions();
    }

    /**
     * Rule 1's input: whether VOD/SOS or other severe liver toxicity stands diagnosed.
     *
     * @param evidence the findings that make it stand
     */
    public record LiverDiagnosis(boolean diagnosed, List<Evidence> evidence) {

        public static final LiverDiagnosis NONE = new LiverDiagnosis(false, List.of());

        public LiverDiagnosis {
            evidence = List.copyOf(evidence);
        }
    }

    /** The next planned dose of an episode. */
    public record PlannedDose(int cycle, int day) {

        static @Nullable PlannedDose after(TherapyAdministration last) {
            if (last.cycle() == null || last.cycleDay() == null) {
                return null;
            }
            return switch (last.cycleDay()) {
                case 1 -> new PlannedDose(last.cycle(), 8);
                case 8 -> new PlannedDose(last.cycle(), 15);
                case 15 -> new PlannedDose(last.cycle() + 1, 1);
                default -> null;
            };
        }

        boolean startsTheCourse() {
            return cycle == 1 && day == 1;
        }
    }

    private NextBesponsaDose() {}

    /**
     * The decision for the next dose, or null when none can be taken yet (see the class comment).
     *
     * @param episodes the patient's inotuzumab episodes in T0 order
     * @param current the inotuzumab episode {@code now} falls in; absent when {@code now} is in none
     * @param plans the inotuzumab plans as they stand
     */
    public static @Nullable Assessment assess(
            List<TherapyEpisode> episodes,
            @Nullable TherapyEpisode current,
            List<DosePlans.Plan> plans,
            LiverDiagnosis diagnosis,
            Labs labs,
            Instant now) {
        var given = episodes.stream().flatMap(e -> e.doses().stream()).toList();
        var stillDue = now.minus(EPISODE_OVER_AFTER);
        var givenPlans = givenPlans(plans, given);
        var pending = plans.stream()
                .filter(plan ->
                        !plan.cancelled() && !plan.plannedFor().isBefore(stillDue) && !givenPlans.contains(plan))
                .findFirst();
        if (pending.isPresent()) {
            var plan = pending.get();
            var dose = new PlannedDose(plan.cycle(), plan.cycleDay());
            var latest = episodes.isEmpty()
                    ? List.<TherapyAdministration>of()
                    : episodes.getLast().doses();
            return decide(
                    dose,
                    dose.startsTheCourse() ? List.of() : latest,
                    plan.plannedFor(),
                    "For the planned dose, cycle %d day %d, planned for %s: "
                            .formatted(dose.cycle(), dose.day(), plan.plannedFor()),
                    List.of(planEvidence(plan)),
                    diagnosis,
                    labs,
                    now);
        }
        var lastGiven = given.stream()
                .map(TherapyAdministration::occurredAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        var cancelled = plans.stream()
                .filter(plan -> plan.cancelled()
                        && !plan.plannedFor().isBefore(stillDue)
                        && (lastGiven == null || plan.changedAt().isAfter(lastGiven)))
                .toList();
        var inferred = current == null ? null : inferredNext(current, now);
        if (inferred != null) {
            var cancelledSlot = cancelled.stream()
                    .filter(plan -> plan.cycle() == inferred.cycle() && plan.cycleDay() == inferred.day())
                    .reduce((earlier, later) -> later);
            if (cancelledSlot.isPresent()) {
                return withdrawn(cancelledSlot.get(), now);
            }
            return decide(
                    inferred,
                    current.doses(),
                    null,
                    "For the next planned dose, cycle %d day %d: ".formatted(inferred.cycle(), inferred.day()),
                    List.of(),
                    diagnosis,
                    labs,
                    now);
        }
        return cancelled.stream()
                .max(Comparator.comparing(DosePlans.Plan::changedAt))
                .map(plan -> withdrawn(plan, now))
                .orElse(null);
    }

    private static @Nullable PlannedDose inferredNext(TherapyEpisode episode, Instant now) {
        var doses = episode.doses();
        if (doses.isEmpty()) {
            return null;
        }
        var last = doses.getLast();
        if (Duration.between(last.occurredAt(), now).compareTo(EPISODE_OVER_AFTER) > 0) {
            return null;
        }
        return PlannedDose.after(last);
    }

    /**
     * The plans already given: a dose of the plan's cycle and day given since it was first ordered; a dose sent
     * without its cycle and day gives the earliest plan (by planned time) ordered before it and not given otherwise.
     */
    private static Set<DosePlans.Plan> givenPlans(List<DosePlans.Plan> plans, List<TherapyAdministration> doses) {
        var open = plans.stream().filter(plan -> !plan.cancelled()).toList();
        var given = new HashSet<DosePlans.Plan>();
        for (var plan : open) {
            if (doses.stream()
                    .anyMatch(dose -> Objects.equals(dose.cycle(), plan.cycle())
                            && Objects.equals(dose.cycleDay(), plan.cycleDay())
                            && !dose.occurredAt().isBefore(plan.firstOrderedAt()))) {
                given.add(plan);
            }
        }
        doses.stream()
                .filter(dose -> dose.cycle() == null || dose.cycleDay() == null)
                .sorted(Comparator.comparing(TherapyAdministration::occurredAt))
                .forEach(dose -> open.stream()
                        .filter(plan ->
                                !given.contains(plan) && !dose.occurredAt().isBefore(plan.firstOrderedAt()))
                        .findFirst()
                        .ifPresent(given::add));
        return given;
    }

    /**
     * The decision for {@code next}, after {@code doses} (empty for the first dose of a course).
     *
     * @param plannedFor when the dose is planned; absent for a dose inferred from the last one
     */
    private static @Nullable Assessment decide(
            PlannedDose next,
            List<TherapyAdministration> doses,
            @Nullable Instant plannedFor,
            String prefix,
            List<Evidence> planEvidence,
            LiverDiagnosis diagnosis,
            Labs labs,
            Instant now) {
        CurrentAndPretreatment values;
        if (doses.isEmpty()) {
            values = next.startsTheCourse() && plannedFor != null ? courseStart(labs, plannedFor) : null;
        } else {
            values = afterLastDose(next, doses, labs);
        }
        var evidence = new ArrayList<Evidence>(planEvidence);
        evidence.addAll(diagnosis.evidence());
        if (values == null) {
            if (!diagnosis.diagnosed()) {
                return null;
            }
            var decision = BesponsaPreDoseDecision.discontinuedWithoutLabs(next.cycle(), next.day());
            return prefixed(prefix, BesponsaPreDoseDecision.asAssessment(decision, now, evidence));
        }
        for (LabResult result : values.current()) {
            evidence.add(result.evidence());
        }
        var decision = BesponsaPreDoseDecision.decide(values.inputs(next, diagnosis.diagnosed()));
        return prefixed(prefix, BesponsaPreDoseDecision.asAssessment(decision, now, evidence));
    }

    private static Assessment prefixed(String prefix, Assessment decision) {
        return new Assessment(
                decision.criterion(),
                decision.grade(),
                decision.notAssessableReason(),
                decision.assessedAt(),
                prefix + decision.summary(),
                decision.thresholds(),
                decision.evidence(),
                decision.labOnlyGrading(),
                decision.referenceRangeSource(),
                decision.therapyContext());
    }

    private static Assessment withdrawn(DosePlans.Plan plan, Instant now) {
        return Assessment.notAssessable(
                Criterion.BESPONSA_PRE_DOSE,
                now,
                ("the planned dose, cycle %d day %d, planned for %s, was cancelled and no other dose is pending:"
                                + " its pre-dose decision is withdrawn")
                        .formatted(plan.cycle(), plan.cycleDay(), plan.plannedFor()),
                List.of(planEvidence(plan)));
    }

    private static Evidence planEvidence(DosePlans.Plan plan) {
        var record = plan.current();
        return new Evidence(
                record.eventId(),
                "dose-plan",
                "%s dose, cycle %d day %d, planned for %s%s"
                        .formatted(
                                record.therapy(),
                                record.cycle(),
                                record.cycleDay(),
                                record.plannedFor(),
                                plan.cancelled() ? " (cancelled)" : ""),
                record.dose(),
                record.doseUnit(),
                record.dose(),
                record.doseUnit(),
                null,
                record.orderedAt(),
                record.sourceMessageId());
    }

    /** C1D1: the newest of each value in the 30 days before the planned time are current and pre-treatment. */
    private static @Nullable CurrentAndPretreatment courseStart(Labs labs, Instant plannedFor) {
        Instant from = plannedFor.minus(COURSE_START_LOOKBACK);
        LabResult anc = newestFrom(labs.anc(), from);
        LabResult platelets = newestFrom(labs.platelets(), from);
        LabResult bilirubin = newestFrom(labs.bilirubin(), from);
        LabResult ast = newestFrom(labs.ast(), from);
        LabResult alt = newestFrom(labs.alt(), from);
        if (anyNull(anc, platelets, bilirubin, ast, alt) || anyNull(bilirubin.upper(), ast.upper(), alt.upper())) {
            return null;
        }
        return new CurrentAndPretreatment(
                anc,
                platelets,
                bilirubin,
                ast,
                alt,
                anc,
                platelets,
                bilirubin,
                ast,
                alt,
                null,
                null,
                transfused(labs, platelets));
    }

    private static @Nullable CurrentAndPretreatment afterLastDose(
            PlannedDose next, List<TherapyAdministration> doses, Labs labs) {
        TherapyAdministration first = doses.getFirst();
        Instant sinceLastDose = doses.getLast().occurredAt();
        LabResult anc = newestAfter(labs.anc(), sinceLastDose);
        LabResult platelets = newestAfter(labs.platelets(), sinceLastDose);
        LabResult bilirubin = newestAfter(labs.bilirubin(), sinceLastDose);
        LabResult ast = newestAfter(labs.ast(), sinceLastDose);
        LabResult alt = newestAfter(labs.alt(), sinceLastDose);
        LabResult preAnc = newestAtOrBefore(labs.anc(), first.occurredAt());
        LabResult prePlatelets = newestAtOrBefore(labs.platelets(), first.occurredAt());
        LabResult preBilirubin = newestAtOrBefore(labs.bilirubin(), first.occurredAt());
        LabResult preAst = newestAtOrBefore(labs.ast(), first.occurredAt());
        LabResult preAlt = newestAtOrBefore(labs.alt(), first.occurredAt());
        if (anyNull(anc, platelets, bilirubin, ast, alt, preAnc, prePlatelets, preBilirubin, preAst, preAlt)
                || anyNull(bilirubin.upper(), ast.upper(), alt.upper())) {
            return null;
        }
        Instant previousDay1 = next.day() == 1 ? previousCycleDay1(doses, next.cycle() - 1) : null;
        LabResult previousAnc = previousDay1 == null ? null : newestAtOrBefore(labs.anc(), previousDay1);
        LabResult previousPlatelets = previousDay1 == null ? null : newestAtOrBefore(labs.platelets(), previousDay1);
        return new CurrentAndPretreatment(
                anc,
                platelets,
                bilirubin,
                ast,
                alt,
                preAnc,
                prePlatelets,
                preBilirubin,
                preAst,
                preAlt,
                previousAnc,
                previousPlatelets,
                transfused(labs, platelets));
    }

    private static boolean transfused(Labs labs, LabResult platelets) {
        return labs.plateletTransfusions().stream()
                .anyMatch(at -> !at.isAfter(platelets.observedAt())
                        && at.isAfter(platelets.observedAt().minus(TRANSFUSION_LOOKBACK)));
    }

    /** The results one decision reads. */
    private record CurrentAndPretreatment(
            LabResult anc,
            LabResult platelets,
            LabResult bilirubin,
            LabResult ast,
            LabResult alt,
            LabResult preAnc,
            LabResult prePlatelets,
            LabResult preBilirubin,
            LabResult preAst,
            LabResult preAlt,
            @Nullable LabResult previousAnc,
            @Nullable LabResult previousPlatelets,
            boolean transfused) {

        List<LabResult> current() {
            return List.of(anc, platelets, bilirubin, ast, alt);
        }

        PreDoseInputs inputs(PlannedDose next, boolean vodDiagnosed) {
            LiverTest bilirubinTest = LiverTest.of(bilirubin, preBilirubin);
            LiverTest astTest = LiverTest.of(ast, preAst);
            LiverTest altTest = LiverTest.of(alt, preAlt);
            return new PreDoseInputs(
                    next.cycle(),
                    next.day(),
                    canonical(anc),
                    canonical(platelets),
                    canonical(preAnc),
                    canonical(prePlatelets),
                    previousAnc == null ? null : canonical(previousAnc),
                    previousPlatelets == null ? null : canonical(previousPlatelets),
                    bilirubinTest.value(),
                    bilirubinTest.uln(),
                    astTest.value(),
                    astTest.uln(),
                    altTest.value(),
                    altTest.uln(),
                    bilirubinTest.pretreatment(),
                    astTest.pretreatment(),
                    altTest.pretreatment(),
                    vodDiagnosed,
                    transfused);
        }
    }

    /** A liver test, its ULN and its pre-treatment value, in one unit: the reported one if all three share it. */
    private record LiverTest(BigDecimal value, BigDecimal uln, BigDecimal pretreatment) {

        static LiverTest of(LabResult current, LabResult pretreatment) {
            ReferenceLimit uln = Objects.requireNonNull(current.upper());
            String unit = current.quantity().reportedUnit();
            if (unit.equals(uln.quantity().reportedUnit())
                    && unit.equals(pretreatment.quantity().reportedUnit())) {
                return new LiverTest(
                        current.quantity().reportedValue(),
                        uln.quantity().reportedValue(),
                        pretreatment.quantity().reportedValue());
            }
            return new LiverTest(
                    current.quantity().value(),
                    uln.quantity().value(),
                    pretreatment.quantity().value());
        }
    }

    private static BigDecimal canonical(LabResult result) {
        return result.quantity().value();
    }

    private static @Nullable Instant previousCycleDay1(List<TherapyAdministration> doses, int cycle) {
        return doses.stream()
                .filter(dose -> Objects.equals(dose.cycle(), cycle) && Objects.equals(dose.cycleDay(), 1))
                .map(TherapyAdministration::occurredAt)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable LabResult newestAfter(List<LabResult> results, Instant after) {
        return newest(results, result -> result.observedAt().isAfter(after));
    }

    private static @Nullable LabResult newestFrom(List<LabResult> results, Instant from) {
        return newest(results, result -> !result.observedAt().isBefore(from));
    }

    private static @Nullable LabResult newestAtOrBefore(List<LabResult> results, Instant at) {
        return newest(results, result -> !result.observedAt().isAfter(at));
    }

    private static @Nullable LabResult newest(List<LabResult> results, Function<LabResult, Boolean> included) {
        LabResult newest = null;
        for (LabResult result : results) {
            if (included.apply(result) && (newest == null || result.observedAt().isAfter(newest.observedAt()))) {
                newest = result;
            }
        }
        return newest;
    }

    private static boolean anyNull(@Nullable Object... values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }
}
