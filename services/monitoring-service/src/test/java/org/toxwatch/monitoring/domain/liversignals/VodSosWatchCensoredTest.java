package org.toxwatch.monitoring.domain.liversignals;

import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.assertNotCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.reported;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 3: the VOD/SOS watch (CRITERIA.md 7.2) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise a grade is "at least" the one every value reaches (not assessable when that is 0). The bound is never read as the value.
 */
class VodSosWatchCensoredTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private final Instant firstDose = Instant.parse("2026-03-01T10:00:00Z");

    /** Weight 60.0 -> 60.5 kg (no gain above 5%) on day 5 after the first inotuzumab dose, with a bilirubin (mg/dL). */
    private Assessment withBilirubin(String bilirubin) {
        var state = PatientState.empty(PATIENT)
                .apply(vitalsAt(firstDose.minus(Duration.ofHours(20)))
                        .weight("60.0")
                        .build())
                .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose))
                .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose, 1, 1))
                .apply(vitalsAt(firstDose.plus(Duration.ofDays(5)))
                        .weight("60.5")
                        .build())
                .apply(reported(
                        aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(firstDose.plus(Duration.ofDays(5))),
                        bilirubin));
        return of(state, Criterion.VOD_SOS);
    }

    @Test
    void aBilirubinOfAtLeast2Point0MeetsTheBilirubinCriterion() {
        assertCertain(withBilirubin(">=2.0"), VodSosRule.PARTIAL, ">=2.0");
    }

    @Test
    void aBilirubinBelow2Point5IsNotTakenAsAtLeast2() {
        assertNotCertain(withBilirubin("<2.5"), "<2.5");
    }

    @Test
    void aBilirubinBelow2Point0CertainlyMissesTheBilirubinCriterion() {
        assertCertain(withBilirubin("<2.0"), VodSosRule.NOT_MET, "<2.0");
    }
}
