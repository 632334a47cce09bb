package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the BESPONSA pre-dose decision (CRITERIA.md 8.2) needs for one planned dose. Counts in 10*9/L; each
 * liver test, its ULN and its pre-treatment value in the same unit (U/L for AST and ALT, canonical mg/dL for
 * total bilirubin). Pre-treatment values are those before the first dose (C1D1).
 *
 * @param cycle treatment cycle, from 1
 * @param doseDay day of the cycle of the planned dose: 1, 8 or 15
 * @param previousCycleDay1Anc ANC at day 1 of the previous cycle (for cycle 2, the C1D1 value); absent if
 *     unknown, which leaves only the "ANC >= 1.0 and platelets >= 50" route of the COUNTS_NOT_RECOVERED rule
 * @param previousCycleDay1Platelets platelets at day 1 of the previous cycle; absent if unknown
 * @param vodOrSevereLiverToxicityDiagnosed VOD/SOS or other severe liver toxicity has been diagnosed
 * @param plateletTransfusionWithin24h a platelet transfusion was given in the 24 h before the platelet count
 */
public record PreDoseInputs(
        int cycle,
        int doseDay,
        BigDecimal anc,
        BigDecimal platelets,
        BigDecimal pretreatmentAnc,
        BigDecimal pretreatmentPlatelets,
        @Nullable BigDecimal previousCycleDay1Anc,
        @Nullable BigDecimal previousCycleDay1Platelets,
        BigDecimal bilirubin,
        BigDecimal bilirubinUln,
        BigDecimal ast,
        BigDecimal astUln,
        BigDecimal alt,
        BigDecimal altUln,
        BigDecimal pretreatmentBilirubin,
        BigDecimal pretreatmentAst,
        BigDecimal pretreatmentAlt,
        boolean vodOrSevereLiverToxicityDiagnosed,
        boolean plateletTransfusionWithin24h) {

    /** CRITERIA.md 8.2: doses are given on days 1, 8 and 15 of every cycle. */
    static final Set<Integer> DOSE_DAYS = Set.of(1, 8, 15);

    public PreDoseInputs {
        if (cycle < 1) {
            throw new IllegalArgumentException("cycle starts at 1, was " + cycle);
        }
        if (!DOSE_DAYS.contains(doseDay)) {
            throw new IllegalArgumentException("BESPONSA is dosed on days 1, 8 and 15, not day " + doseDay);
        }
    }

    /** The dose the hematologic rules apply to: day 1 of cycle 2 or later (8.2 rule 4). */
    boolean startsALaterCycle() {
        return cycle >= 2 && doseDay == 1;
    }
}
