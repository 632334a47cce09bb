package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.dosing.PreDoseDecision.Action;
import org.toxwatch.monitoring.domain.dosing.PreDoseDecision.Reason;
import org.toxwatch.monitoring.domain.hepatotoxicity.LiverTermRule;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.Quantity;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.lab.ReferenceLimits;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The inotuzumab ozogamicin (BESPONSA) pre-dose decision, CRITERIA.md 8.2 rules 1-4, from the US Prescribing
 * Information (Pfizer, revised 3/2024), section 2 dose-modification tables. All rules are evaluated; the decision
 * is DISCONTINUE if any discontinue reason fired, else HOLD if any hold reason fired, else PROCEED.
 *
 * <ol>
 *   <li>VOD: VOD/SOS or other severe liver toxicity diagnosed -> DISCONTINUE, whatever else holds.
 *   <li>HEPATIC: total bilirubin {@code > 1.5 x ULN} and AST or ALT {@code > 2.5 x ULN} (either enzyme, A-16) ->
 *       HOLD. The label resumes only when bilirubin {@code <= 1.5 x ULN} and both enzymes {@code <= 2.5 x ULN};
 *       the inputs carry no "held for HEPATIC" state, so each planned dose is judged by the hold condition, and
 *       LFT_GRADE2 still holds a bilirubin above 1.5 x ULN when the pre-treatment value was normal.
 *   <li>LFT_GRADE2: the CTCAE v5.0 grade (2.3) of ALT, AST or total bilirubin, with the pre-treatment value as
 *       baseline, is {@code >= 2} and greater than {@code max(1, pre-treatment grade)}, the pre-treatment grade
 *       being the grade of the pre-treatment value against ULN -> HOLD. Grades come from
 *       {@link LiverTermRule}; the inputs carry one ULN per analyte, used for the current and the pre-treatment
 *       value alike.
 *   <li>Hematologic rules, only at day 1 of cycle 2 or later (the label interrupts "the next cycle"). Pre-treatment
 *       ANC {@code >= 1.0} and platelets {@code >= 50}: ANC {@code < 1.0} -> ANC_NOT_RECOVERED, platelets
 *       {@code < 50} -> PLT_NOT_RECOVERED (exactly 1.0 and exactly 50 proceed). Otherwise, both low or mixed
 *       COUNTS_NOT_RECOVERED unless ANC and platelets are each at least their previous-cycle day-1
 *       value, or ANC {@code >= 1.0} and platelets {@code >= 50}. The label's third route (cytopenia attributed
 *       to the leukemia with stable or improved marrow) is a clinician decision, so this HOLD is marked
 *       {@code clinicianMayOverride}.
 * </ol>
 *
 * <p>Transfusion: the label wants platelet counts independent of transfusion. After a platelet transfusion in
 * the preceding 24 h the decision is marked {@code transfusionAffected} and never auto-proceeds on that count:
 * where the hematologic rules apply and platelets would otherwise have shown recovery, the dose is held
 * (PLT_NOT_RECOVERED, or COUNTS_NOT_RECOVERED for low pre-treatment counts) with {@code clinicianMayOverride}, so
 * a clinician can proceed on a transfusion-independent count.
 *
 * <p>{@code clinicianMayOverride} is set only when the decision is HOLD and every reason that fired is one the
 * clinician may override. The longer-term label rules (8.2 rule 5: counts or liver tests not recovering,
 * interruption lengths, dose reductions) are not part of this single-dose decision and are not implemented here.
 */
public final class BesponsaPreDoseDecision {

    /** Assessment grade of DISCONTINUE: a ToxWatch convention, not a CTCAE grade. */
    public static final int DISCONTINUE_GRADE = 2;
    /** Assessment grade of HOLD: a ToxWatch convention, not a CTCAE grade. */
    public static final int HOLD_GRADE = 1;
    /** Assessment grade of PROCEED: a ToxWatch convention, not a CTCAE grade. */
    public static final int PROCEED_GRADE = 0;

    static final BigDecimal BILIRUBIN_MULTIPLE = new BigDecimal("1.5");
    static final BigDecimal AMINOTRANSFERASE_MULTIPLE = new BigDecimal("2.5");
    static final BigDecimal ANC_THRESHOLD = new BigDecimal("1.0");
    static final BigDecimal PLATELET_THRESHOLD = new BigDecimal("50");

    private static final String SOURCE_MESSAGE = "besponsa-pre-dose-inputs";

    private BesponsaPreDoseDecision() {}

    public static PreDoseDecision decide(PreDoseInputs inputs) {
        var fired = new ArrayList<Fired>();
        var notes = new ArrayList<String>();
        if (inputs.vodOrSevereLiverToxicityDiagnosed()) {
            fired.add(new Fired(
                    Reason.VOD,
                    false,
                    "VOD: VOD/SOS or other severe liver toxicity diagnosed: discontinue permanently (rule 1)."));
        }
        hepatic(inputs, fired);
        lftGrade2(inputs, fired);
        if (inputs.startsALaterCycle()) {
            hematologic(inputs, fired, notes);
        } else {
            notes.add("Hematologic rules not applied: they apply only at day 1 of cycle 2 or later, and this dose is"
                    + " C%dD%d (rule 4).".formatted(inputs.cycle(), inputs.doseDay()));
        }
        if (inputs.plateletTransfusionWithin24h()) {
            notes.add("Platelet transfusion within 24 h: the platelet count "
                    + asEntered(inputs.platelets())
                    + " 10*9/L is transfusion-affected.");
        }

        var reasons = fired.stream().map(Fired::reason).distinct().toList();
        var action =
                reasons.contains(Reason.VOD) ? Action.DISCONTINUE : reasons.isEmpty() ? Action.PROCEED : Action.HOLD;
        var clinicianMayOverride = action == Action.HOLD && fired.stream().allMatch(Fired::overridable);
        var explanations = new ArrayList<String>();
        fired.forEach(f -> explanations.add(f.explanation()));
        if (action == Action.PROCEED) {
            explanations.add("No rule of 8.2 fired: proceed.");
        }
        explanations.addAll(notes);
        return new PreDoseDecision(
                action, reasons, clinicianMayOverride, inputs.plateletTransfusionWithin24h(), explanations);
    }

    /**
     * Rule 1 alone, for a planned dose whose labs are not all there yet: VOD/SOS or other severe liver toxicity
     * diagnosed discontinues whatever the labs would show, so the decision need not wait for them.
     */
    public static PreDoseDecision discontinuedWithoutLabs(int cycle, int doseDay) {
        return new PreDoseDecision(
                Action.DISCONTINUE,
                List.of(Reason.VOD),
                false,
                false,
                List.of(
                        "VOD: VOD/SOS or other severe liver toxicity diagnosed: discontinue permanently (rule 1).",
                        "Rules 2-4 not evaluated for C%dD%d: the labs before this dose are not all there yet."
                                .formatted(cycle, doseDay)));
    }

    /**
     * The decision as an {@link Assessment} of {@link Criterion#BESPONSA_PRE_DOSE}. Grade convention (ToxWatch,
     * not CTCAE): {@code 2} = DISCONTINUE, {@code 1} = HOLD, {@code 0} = PROCEED. One threshold per rule of 8.2,
     * met when its reason fired. The reference range source is DEFAULT when an ALT, AST or total bilirubin in
     * {@code evidence} carried no reported upper limit (so its ULN was the 13.4 default), else REPORTED.
     *
     * @param evidence the observations the inputs were taken from
     */
    public static Assessment asAssessment(PreDoseDecision decision, Instant assessedAt, List<Evidence> evidence) {
        var grade = switch (decision.action()) {
            case DISCONTINUE -> DISCONTINUE_GRADE;
            case HOLD -> HOLD_GRADE;
            case PROCEED -> PROCEED_GRADE;
        };
        var summary = new StringBuilder("BESPONSA pre-dose decision: ").append(decision.action());
        if (!decision.reasons().isEmpty()) {
            summary.append(" (")
                    .append(decision.reasons().stream().map(Reason::name).collect(Collectors.joining(", ")))
                    .append(')');
        }
        summary.append(". ").append(String.join(" ", decision.explanations()));
        if (decision.clinicianMayOverride()) {
            summary.append(" The clinician may override this hold.");
        }
        var thresholds = Arrays.stream(Reason.values())
                .map(reason -> new AppliedThreshold(
                        reason == Reason.VOD ? DISCONTINUE_GRADE : HOLD_GRADE,
                        condition(reason),
                        decision.reasons().contains(reason)))
                .toList();
        return Assessment.graded(
                Criterion.BESPONSA_PRE_DOSE,
                grade,
                assessedAt,
                summary.toString(),
                thresholds,
                evidence,
                false,
                rangeSource(evidence));
    }

    private static void hepatic(PreDoseInputs in, List<Fired> fired) {
        var bilirubinLimit = in.bilirubinUln().multiply(BILIRUBIN_MULTIPLE);
        var astLimit = in.astUln().multiply(AMINOTRANSFERASE_MULTIPLE);
        var altLimit = in.altUln().multiply(AMINOTRANSFERASE_MULTIPLE);
        var bilirubinHigh = in.bilirubin().compareTo(bilirubinLimit) > 0;
        var astHigh = in.ast().compareTo(astLimit) > 0;
        var altHigh = in.alt().compareTo(altLimit) > 0;
        if (bilirubinHigh && (astHigh || altHigh)) {
            var enzymes = new ArrayList<String>();
            if (astHigh) {
                enzymes.add("AST %s > 2.5 x ULN (%s)".formatted(asEntered(in.ast()), plain(astLimit)));
            }
            if (altHigh) {
                enzymes.add("ALT %s > 2.5 x ULN (%s)".formatted(asEntered(in.alt()), plain(altLimit)));
            }
            fired.add(new Fired(
                    Reason.HEPATIC,
                    false,
                    ("HEPATIC: total bilirubin %s > 1.5 x ULN (%s) and %s: hold; resume only when bilirubin <= 1.5 x"
                                    + " ULN and both AST and ALT <= 2.5 x ULN (rule 2).")
                            .formatted(
                                    asEntered(in.bilirubin()), plain(bilirubinLimit), String.join(" and ", enzymes))));
        }
    }

    private static void lftGrade2(PreDoseInputs in, List<Fired> fired) {
        gradeAboveTreatmentStart(
                fired,
                LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED,
                Analyte.ALT,
                in.alt(),
                in.pretreatmentAlt(),
                in.altUln());
        gradeAboveTreatmentStart(
                fired,
                LiverTermRule.ASPARTATE_AMINOTRANSFERASE_INCREASED,
                Analyte.AST,
                in.ast(),
                in.pretreatmentAst(),
                in.astUln());
        gradeAboveTreatmentStart(
                fired,
                LiverTermRule.BLOOD_BILIRUBIN_INCREASED,
                Analyte.TOTAL_BILIRUBIN,
                in.bilirubin(),
                in.pretreatmentBilirubin(),
                in.bilirubinUln());
    }

    private static void gradeAboveTreatmentStart(
            List<Fired> fired,
            LiverTermRule rule,
            Analyte analyte,
            BigDecimal value,
            BigDecimal pretreatment,
            BigDecimal uln) {
        var pretreatmentResult = labResult(analyte, pretreatment, uln, "pretreatment");
        var current = rule.assess(labResult(analyte, value, uln, "current"), pretreatmentResult);
        var before = rule.assess(pretreatmentResult);
        var grade = Objects.requireNonNull(current.grade(), "a ULN is given, so the term is graded");
        var pretreatmentGrade = Objects.requireNonNull(before.grade(), "a ULN is given, so the term is graded");
        if (grade >= 2 && grade > Math.max(1, pretreatmentGrade)) {
            fired.add(new Fired(
                    Reason.LFT_GRADE2,
                    false,
                    "LFT_GRADE2: %s CTCAE v5.0 grade %d (pre-treatment value as baseline) > max(1, pre-treatment grade %d): hold (rule 3). %s"
                            .formatted(analyte.display(), grade, pretreatmentGrade, current.summary())));
        }
    }

    private static void hematologic(PreDoseInputs in, List<Fired> fired, List<String> notes) {
        var transfused = in.plateletTransfusionWithin24h();
        var ancRecovered = in.anc().compareTo(ANC_THRESHOLD) >= 0;
        var plateletsRecovered = in.platelets().compareTo(PLATELET_THRESHOLD) >= 0;
        var pretreatmentAncNormal = in.pretreatmentAnc().compareTo(ANC_THRESHOLD) >= 0;
        var pretreatmentPlateletsNormal = in.pretreatmentPlatelets().compareTo(PLATELET_THRESHOLD) >= 0;
        var counts = "ANC %s, platelets %s 10*9/L".formatted(asEntered(in.anc()), asEntered(in.platelets()));

        if (pretreatmentAncNormal && pretreatmentPlateletsNormal) {
            if (!ancRecovered) {
                fired.add(new Fired(
                        Reason.ANC_NOT_RECOVERED,
                        false,
                        "ANC_NOT_RECOVERED: ANC %s < 1.0 10*9/L with pre-treatment ANC >= 1.0: hold; resume at ANC >="
                                        .formatted(asEntered(in.anc()))
                                + " 1.0 (rule 4)."));
            }
            if (!plateletsRecovered) {
                fired.add(new Fired(
                        Reason.PLT_NOT_RECOVERED,
                        false,
                        "PLT_NOT_RECOVERED: platelets %s < 50 10*9/L with pre-treatment platelets >= 50: hold; resume"
                                        .formatted(asEntered(in.platelets()))
                                + " at >= 50 (rule 4)."));
            } else if (transfused) {
                fired.add(new Fired(
                        Reason.PLT_NOT_RECOVERED,
                        true,
                        ("PLT_NOT_RECOVERED: platelets %s 10*9/L within 24 h of a platelet transfusion do not show a"
                                        + " transfusion-independent recovery to >= 50: hold, not auto-proceed; the"
                                        + " clinician may proceed on a transfusion-independent count (rule 4).")
                                .formatted(asEntered(in.platelets()))));
            }
            return;
        }

        if (pretreatmentAncNormal || pretreatmentPlateletsNormal) {
            notes.add(
                    "Pre-treatment counts mixed (ANC %s, platelets %s 10*9/L): the \"and/or\" row applied (A-13, docs/clinical/conventions.md#a-13)."
                            .formatted(asEntered(in.pretreatmentAnc()), asEntered(in.pretreatmentPlatelets())));
        }
        var previousAnc = in.previousCycleDay1Anc();
        var previousPlatelets = in.previousCycleDay1Platelets();
        var atLeastPreviousCycle = previousAnc != null
                && previousPlatelets != null
                && in.anc().compareTo(previousAnc) >= 0
                && in.platelets().compareTo(previousPlatelets) >= 0;
        var aboveThresholds = ancRecovered && plateletsRecovered;
        var previous = previousAnc == null || previousPlatelets == null
                ? "previous-cycle day-1 counts unknown"
                : "previous-cycle day 1: ANC %s, platelets %s"
                        .formatted(asEntered(previousAnc), asEntered(previousPlatelets));
        if (!atLeastPreviousCycle && !aboveThresholds) {
            fired.add(new Fired(
                    Reason.COUNTS_NOT_RECOVERED,
                    true,
                    ("COUNTS_NOT_RECOVERED: %s (%s) are neither both at least the previous-cycle day-1 values nor ANC"
                                    + " >= 1.0 and platelets >= 50: hold; the clinician may proceed if the cytopenia"
                                    + " is due to the leukemia with stable or improved marrow disease (rule 4).")
                            .formatted(counts, previous)));
        } else if (transfused) {
            fired.add(new Fired(
                    Reason.COUNTS_NOT_RECOVERED,
                    true,
                    ("COUNTS_NOT_RECOVERED: %s (%s) would show recovery, but the platelet count is within 24 h of a"
                                    + " platelet transfusion: hold, not auto-proceed; the clinician may proceed on a"
                                    + " transfusion-independent count (rule 4).")
                            .formatted(counts, previous)));
        }
    }

    /** A liver test of the inputs as {@link LiverTermRule} reads it: canonical unit, the given ULN as reported. */
    private static LabResult labResult(Analyte analyte, BigDecimal value, BigDecimal uln, String role) {
        var unit = analyte.canonicalUnit();
        var observation = new Observation(
                UUID.nameUUIDFromBytes((analyte.name() + "/" + role).getBytes(StandardCharsets.UTF_8)),
                analyte.loincCodes().getFirst(),
                analyte.display(),
                value,
                unit,
                value,
                unit,
                new ReferenceRange(null, uln),
                Instant.EPOCH,
                SOURCE_MESSAGE);
        var limits = new ReferenceLimits(
                null, new ReferenceLimit(Quantity.canonical(uln, unit), ReferenceRangeSource.REPORTED));
        return new LabResult(analyte, observation, limits);
    }

    private static String condition(Reason reason) {
        return switch (reason) {
            case VOD -> "VOD/SOS or other severe liver toxicity diagnosed";
            case HEPATIC -> "total bilirubin > 1.5 x ULN and (AST > 2.5 x ULN or ALT > 2.5 x ULN)";
            case LFT_GRADE2 -> "CTCAE v5.0 grade of ALT, AST or total bilirubin >= 2 and > max(1, pre-treatment grade)";
            case ANC_NOT_RECOVERED -> "day 1 of cycle >= 2, pre-treatment counts normal: ANC < 1.0 10*9/L";
            case PLT_NOT_RECOVERED ->
                "day 1 of cycle >= 2, pre-treatment counts normal: platelets < 50 10*9/L or transfusion-affected";
            case COUNTS_NOT_RECOVERED ->
                "day 1 of cycle >= 2, pre-treatment counts low or mixed: not (ANC and platelets >= previous-cycle"
                        + " day 1) and not (ANC >= 1.0 and platelets >= 50), or transfusion-affected";
        };
    }

    private static ReferenceRangeSource rangeSource(List<Evidence> evidence) {
        var liverCodes = Stream.of(Analyte.ALT, Analyte.AST, Analyte.TOTAL_BILIRUBIN)
                .flatMap(analyte -> analyte.loincCodes().stream())
                .toList();
        var defaulted = evidence.stream()
                .filter(e -> liverCodes.contains(e.code()))
                .anyMatch(e -> e.referenceRange() == null
                        || Objects.requireNonNull(e.referenceRange()).high() == null);
        return defaulted ? ReferenceRangeSource.DEFAULT : ReferenceRangeSource.REPORTED;
    }

    /** A computed limit without trailing zeros: {@code 1.2 x 1.5} shows as 1.8. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String asEntered(BigDecimal value) {
        return value.toPlainString();
    }

    private record Fired(Reason reason, boolean overridable, String explanation) {}
}
