package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.CensoredResults.anc;
import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.reported;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 3: the BESPONSA pre-dose decision (CRITERIA.md 8.2) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise the dose decision takes the more restrictive outcome. The bound is never read as the value.
 */
class BesponsaPreDoseCensoredTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int PROCEED = 0;
    private static final int HOLD = 1;

    private static Instant day(int cycleDay) {
        return C1D1.plus(Duration.ofDays(cycleDay - 1));
    }

    /** ANC, platelets (10*9/L), bilirubin (umol/L, ULN 21), AST (ULN 40), ALT (ULN 45), each as reported. */
    private static PatientState labs(
            PatientState state, Instant at, String anc, String platelets, String bilirubin, String ast) {
        return state.apply(anc(at, anc))
                .apply(reported(aLab(Analyte.PLATELETS).range("150", "400").at(at), platelets))
                .apply(reported(
                        aLab(Analyte.TOTAL_BILIRUBIN)
                                .unit("umol/L")
                                .range("3", "21")
                                .at(at),
                        bilirubin))
                .apply(reported(aLab(Analyte.AST).range("10", "40").at(at), ast))
                .apply(aLab(Analyte.ALT).value("30").range("7", "45").at(at).build());
    }

    private static PatientState firstDoseGiven() {
        return labs(PatientState.empty(PATIENT), C1D1.minus(Duration.ofHours(3)), "2.0", "150", "10", "30")
                .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1.minus(Duration.ofHours(1))))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1));
    }

    private Assessment beforeCycle2Day1(String anc, String platelets) {
        var state = firstDoseGiven()
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(8), 1, 8))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(15), 1, 15));
        return of(
                labs(state, day(22).minus(Duration.ofHours(4)), anc, platelets, "12", "35"),
                Criterion.BESPONSA_PRE_DOSE);
    }

    private Assessment beforeDay8(String bilirubin, String ast) {
        return of(
                labs(firstDoseGiven(), day(8).minus(Duration.ofHours(4)), "1.9", "140", bilirubin, ast),
                Criterion.BESPONSA_PRE_DOSE);
    }

    @Test
    void anAncBelow0Point5HoldsCycle2Day1ForEveryValueItAllows() {
        assertCertain(beforeCycle2Day1("<0.5", "120"), HOLD, "<0.5");
    }

    @Test
    void anAncOfAtLeast1Point0ProceedsForEveryValueItAllows() {
        assertCertain(beforeCycle2Day1(">=1.0", "120"), PROCEED, ">=1.0");
    }

    @ParameterizedTest
    @CsvSource({">0.5, 120, >0.5", "1.5, >40, >40"})
    void aCountThatMayBeEitherSideOfItsThresholdLeavesTheDecisionUncertainSoTheDoseIsHeld(
            String anc, String platelets, String censored) {
        var decision = beforeCycle2Day1(anc, platelets);

        assertThat(decision.grade()).isEqualTo(HOLD);
        assertThat(decision.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(decision.summary())
                .startsWith(
                        "For the next planned dose, cycle 2 day 1: BESPONSA pre-dose decision: HOLD: the censored result")
                .contains("does not auto-PROCEED")
                .contains(censored)
                .contains("leaves the decision uncertain (PROCEED to HOLD");
    }

    @Test
    void aBilirubinAbove1Point5TimesUlnWithAstAbove2Point5TimesUlnHoldsForEveryValueItAllows() {
        assertCertain(beforeDay8(">31.5", "101"), HOLD, ">31.5");
    }

    @Test
    void aBilirubinOfAtMost1Point5TimesUlnProceeds() {
        assertCertain(beforeDay8("<=31.5", "101"), PROCEED, "<=31.5");
    }

    @Test
    void aBilirubinBelow40UmolPerLitreMayBeAbove1Point5TimesUlnSoTheDoseIsHeld() {
        var decision = beforeDay8("<40", "101");

        assertThat(decision.grade()).isEqualTo(HOLD);
        assertThat(decision.summary()).contains("<40").contains("uncertain");
    }

    @Test
    void aCensoredAstAndACensoredBilirubinAreJudgedTogether() {
        // bilirubin certainly > 1.5 x ULN; AST certainly > 2.5 x ULN (100): HEPATIC at every corner
        assertCertain(beforeDay8(">40", ">100"), HOLD, ">100");
    }
}
