package org.toxwatch.monitoring.domain.dosing;

import java.util.List;

/**
 * The outcome of the BESPONSA pre-dose decision (CRITERIA.md 8.2) for one planned dose.
 *
 * @param reasons every rule that fired, in rule order; empty for {@link Action#PROCEED}
 * @param clinicianMayOverride the dose is held only for reasons the label leaves to the clinician (counts not
 *     recovered with leukemia-related cytopenia, or a platelet count that cannot be judged after a transfusion)
 * @param transfusionAffected a platelet transfusion was given in the preceding 24 h, so the platelet count is not
 *     independent of transfusion
 * @param explanations one readable line per rule that fired or was skipped, with the values compared
 */
public record PreDoseDecision(
        Action action,
        List<Reason> reasons,
        boolean clinicianMayOverride,
        boolean transfusionAffected,
        List<String> explanations) {

    public PreDoseDecision {
        reasons = List.copyOf(reasons);
        explanations = List.copyOf(explanations);
    }

    /** Decision = DISCONTINUE if any discontinue reason, else HOLD if any hold reason, else PROCEED. */
    public enum Action {
        DISCONTINUE,
        HOLD,
        PROCEED
    }

    /** The rules of 8.2, named as there. */
    public enum Reason {
        /** Rule 1: VOD/SOS or other severe liver toxicity diagnosed; discontinue permanently. */
        VOD,
        /** Rule 2: total bilirubin > 1.5 x ULN and AST or ALT > 2.5 x ULN. */
        HEPATIC,
        /** Rule 3: CTCAE v5.0 grade >= 2 of ALT, AST or bilirubin, above max(1, pre-treatment grade). */
        LFT_GRADE2,
        /** Rule 4, pre-treatment counts normal: ANC < 1.0 10*9/L at day 1 of cycle 2 or later. */
        ANC_NOT_RECOVERED,
        /** Rule 4, pre-treatment counts normal: platelets < 50 10*9/L (or not transfusion-independent). */
        PLT_NOT_RECOVERED,
        /** Rule 4, pre-treatment counts low or mixed: neither recovery route met. */
        COUNTS_NOT_RECOVERED
    }
}
