package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.CensoredResults.anc;
import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.reported;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 3: the BLINCYTO action (CRITERIA.md 9.1) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise the dose decision takes the more restrictive outcome. The bound is never read as the value.
 */
class BlincytoActionCensoredTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private Assessment withAlt(String alt) {
        var state = PatientState.empty(PATIENT)
                .apply(infusionStarted(START))
                .apply(reported(aLab(Analyte.ALT).range("7", "40").at(START.plus(Duration.ofHours(20))), alt));
        return of(state, Criterion.BLINCYTO_ACTION);
    }

    /** The same ANC, as reported, every day from day 0 to day 7 of the infusion: eight censored results. */
    private Assessment withDailyAnc(String written) {
        var state = PatientState.empty(PATIENT).apply(infusionStarted(START));
        for (int day = 0; day <= 7; day++) {
            state = state.apply(anc(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), written));
        }
        return of(state, Criterion.BLINCYTO_ACTION);
    }

    @Test
    void eightDaysOfAnAncBelow0Point1AreProlongedGrade4NeutropeniaForEveryValueTheyAllow() {
        assertCertain(withDailyAnc("<0.1"), 1, "<0.1");
    }

    @Test
    void eightDaysOfAnAncAbove0Point4MayNotBeGrade4SoTheActionIsUncertainAndInterrupts() {
        var action = withDailyAnc(">0.4");

        assertThat(action.grade()).isEqualTo(1);
        assertThat(action.summary()).contains(">0.4").contains("uncertain (no action to INTERRUPT");
    }

    @Test
    void aBilirubinAboveThreeTimesUlnInterruptsForEveryValueItAllows() {
        var state = PatientState.empty(PATIENT)
                .apply(infusionStarted(START))
                .apply(reported(
                        aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(START.plus(Duration.ofHours(20))),
                        ">3.6"));

        assertCertain(of(state, Criterion.BLINCYTO_ACTION), 1, ">3.6");
    }

    @Test
    void anAltAboveFiveTimesUlnInterruptsForEveryValueItAllows() {
        assertCertain(withAlt(">200"), 1, ">200");
    }

    @Test
    void anAltBelowFiveTimesUlnNeedsNoActionForEveryValueItAllows() {
        assertCertain(withAlt("<200"), 0, "<200");
    }

    @Test
    void anAltThatMayBeAboveFiveTimesUlnLeavesTheActionUncertainSoItInterrupts() {
        var action = withAlt(">150");

        assertThat(action.grade()).isEqualTo(1);
        assertThat(action.summary())
                .startsWith("BLINCYTO action: INTERRUPT: the censored result")
                .contains(">150")
                .contains("uncertain (no action to INTERRUPT");
    }
}
