package org.toxwatch.monitoring.domain.liversignals;

import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.assertNotCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.reported;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

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
 * Issue 14 item 3: potential Hy's law (CRITERIA.md 7.1) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise a grade is "at least" the one every value reaches (not assessable when that is 0). The bound is never read as the value.
 */
class HysLawSignalCensoredTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    /** ALT 130 U/L (3.25 x ULN 40) with a bilirubin (ULN 1.2 mg/dL, so 2 x ULN = 2.4) 20 h later. */
    private Assessment withBilirubin(String bilirubin) {
        var state = PatientState.empty(PATIENT)
                .apply(aLab(Analyte.ALT).value("130").range(null, "40").at(T).build())
                .apply(reported(
                        aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(T.plus(Duration.ofHours(20))), bilirubin));
        return of(state, Criterion.HYS_LAW);
    }

    @Test
    void aBilirubinBelow2Point5IsNotTakenAsRaised() {
        assertNotCertain(withBilirubin("<2.5"), "<2.5");
    }

    @Test
    void aBilirubinAbove2Point0MayOrMayNotBeAboveTwiceTheUln() {
        assertNotCertain(withBilirubin(">2.0"), ">2.0");
    }

    @Test
    void aBilirubinAboveTwiceTheUlnIsASignalForEveryValueItAllows() {
        assertCertain(withBilirubin(">2.4"), 1, ">2.4");
    }

    @Test
    void aBilirubinOfAtMostTwiceTheUlnIsNoSignal() {
        assertCertain(withBilirubin("<=2.4"), 0, "<=2.4");
    }
}
