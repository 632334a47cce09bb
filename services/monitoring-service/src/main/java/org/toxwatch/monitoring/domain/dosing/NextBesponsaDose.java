package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.TherapyAdministration;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;

/**
 * Puts the BESPONSA pre-dose decision (CRITERIA.md 8.2) in front of the clinician before every dose, not only
 * when someone asks: after each event of an inotuzumab episode, the decision is taken for the <em>next planned
 * dose</em> with the labs collected since the last dose.
 *
 * <ul>
 *   <li>The next dose follows the last one given, by its cycle and day: day 1 then 8 then 15, then day 1 of the
 *       next cycle. A dose sent without its cycle and day leaves the next one unknown, so nothing is decided.
 *   <li>"Current" values are the newest ANC, platelets, total bilirubin, AST and ALT collected after the last
 *       dose (the label's "before each dose"); until all five are there, nothing is decided.
 *   <li>Pre-treatment values are the newest at or before the first dose (C1D1); ULNs come from each result's
 *       reported range or the 13.4 default. Each liver test is compared in its reported unit when the value, its
 *       ULN and its pre-treatment value share one (CRITERIA.md 1.1), else in the canonical unit.
 *   <li>"Previous cycle day 1" counts are the newest at or before that day-1 dose.
 *   <li>A platelet transfusion in the 24 h before the platelet count marks it transfusion-affected.
 *   <li>VOD/SOS diagnosed is a clinician's finding that no event carries yet: always {@code false} here, which is
 *       why the VOD/SOS watch (7.2) raises its own alert.
 * </ul>
 *
 * The episode is over, and nothing is decided, once 56 days have passed since the last dose (the window 8.1
 * keeps the VOD watch open).
 */
public final class NextBesponsaDose {

    static final Duration EPISODE_OVER_AFTER = Duration.ofDays(56);
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
    }

    private NextBesponsaDose() {}

    /** The decision for the next planned dose, or null when it cannot be taken yet (see the class comment). */
    public static @Nullable Assessment assess(TherapyEpisode episode, Labs labs, Instant now) {
        List<TherapyAdministration> doses = episode.doses();
        if (doses.isEmpty()) {
            return null;
        }
        TherapyAdministration first = doses.getFirst();
        TherapyAdministration last = doses.getLast();
        PlannedDose next = PlannedDose.after(last);
        if (next == null || Duration.between(last.occurredAt(), now).compareTo(EPISODE_OVER_AFTER) > 0) {
            return null;
        }
        Instant sinceLastDose = last.occurredAt();
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
        boolean transfused = labs.plateletTransfusions().stream()
                .anyMatch(at -> !at.isAfter(platelets.observedAt())
                        && at.isAfter(platelets.observedAt().minus(TRANSFUSION_LOOKBACK)));

        LiverTest bilirubinTest = LiverTest.of(bilirubin, preBilirubin);
        LiverTest astTest = LiverTest.of(ast, preAst);
        LiverTest altTest = LiverTest.of(alt, preAlt);
        var inputs = new PreDoseInputs(
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
                false,
                transfused);
        var evidence = new ArrayList<Evidence>();
        for (LabResult result : List.of(anc, platelets, bilirubin, ast, alt)) {
            evidence.add(result.evidence());
        }
        Assessment decision =
                BesponsaPreDoseDecision.asAssessment(BesponsaPreDoseDecision.decide(inputs), now, evidence);
        return new Assessment(
                decision.criterion(),
                decision.grade(),
                decision.notAssessableReason(),
                decision.assessedAt(),
                "For the next planned dose, cycle " + next.cycle() + " day " + next.day() + ": " + decision.summary(),
                decision.thresholds(),
                decision.evidence(),
                decision.labOnlyGrading(),
                decision.referenceRangeSource(),
                decision.therapyContext());
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
