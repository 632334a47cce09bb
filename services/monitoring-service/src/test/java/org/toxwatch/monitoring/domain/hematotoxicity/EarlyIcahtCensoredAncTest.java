package org.toxwatch.monitoring.domain.hematotoxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.CensoredResults.anc;
import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * Issue 14 item 3: early ICAHT (CRITERIA.md 6.1) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise a grade is "at least" the one every value reaches (not assessable when that is 0). The bound is never read as the value.
 */
class EarlyIcahtCensoredAncTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    /** ANC of each day 0-30 after infusion: {@code firstWeek} on days 0-6, {@code secondWeek} 7-13, 1.0 later. */
    private Assessment days(String firstWeek, String secondWeek) {
        var state = PatientState.empty(PATIENT)
                .apply(enrolled(Therapy.CAR_T, T.minus(Duration.ofDays(5))))
                .apply(carTInfused(T));
        for (int day = 0; day <= 30; day++) {
            var written = day < 7 ? firstWeek : day < 14 ? secondWeek : "1.0";
            state = state.apply(anc(T.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), written));
        }
        return of(state, Criterion.ICAHT_EARLY);
    }

    @Test
    void aDayWithAnAncBelow0Point1CountsAsAtOrBelow100() {
        // D100 = 7 days: grade 3, whatever the values below 0.1 were
        assertCertain(days("<0.1", "1.0"), 3, "<0.1");
    }

    @Test
    void aDayAbove0Point4IsNotCountedAtOrBelow500UnlessCertainSoOnlyTheCertainGradeIsGiven() {
        var early = days("0.3", ">0.4");

        // D500 is 7 (grade 2) if the second week's values were above 500, 14 (grade 3) if they were 401-500
        assertThat(early.grade()).isEqualTo(2);
        assertThat(early.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(early.summary())
                .startsWith("At least grade 2")
                .contains(">0.4")
                .contains("grades 2 to 3");
    }

    @Test
    void aDayAbove0Point5IsCertainlyNotAtOrBelow500() {
        assertCertain(days("0.3", ">0.5"), 2, ">0.5");
    }

    @Test
    void aDayOfAtMost0Point5IsCertainlyAtOrBelow500() {
        assertCertain(days("0.3", "<=0.5"), 3, "<=0.5");
    }
}
