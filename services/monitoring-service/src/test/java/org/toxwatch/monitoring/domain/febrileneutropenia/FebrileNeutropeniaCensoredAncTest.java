package org.toxwatch.monitoring.domain.febrileneutropenia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.CensoredResults.anc;
import static org.toxwatch.monitoring.domain.CensoredResults.assertCertain;
import static org.toxwatch.monitoring.domain.CensoredResults.assertNotCertain;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * Issue 14 item 3: febrile neutropenia (CRITERIA.md section 3) runs over every value a censored result allows. One outcome at every end is given with the
 * caveat; otherwise a grade is "at least" the one every value reaches (not assessable when that is 0). The bound is never read as the value.
 */
class FebrileNeutropeniaCensoredAncTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private Assessment withFeverAndAnc(String anc) {
        var state = PatientState.empty(PATIENT)
                .apply(vitalsAt(T).temperature("38.9").build())
                .apply(anc(T.plus(Duration.ofHours(1)), anc));
        return of(state, Criterion.FEBRILE_NEUTROPENIA);
    }

    @Test
    void anAncBelow0Point1WithFeverIsFebrileNeutropeniaGrade3() {
        assertCertain(withFeverAndAnc("<0.1"), 3, "<0.1");
    }

    @Test
    void anAncBelow1Point0IsNeutropenicForEveryValueItAllows() {
        assertCertain(withFeverAndAnc("<1.0"), 3, "<1.0");
    }

    @Test
    void anAncAbove0Point3IsNotCertainlyNeutropenicSoFebrileNeutropeniaIsNotAssessable() {
        assertNotCertain(withFeverAndAnc(">0.3"), ">0.3");
    }

    @Test
    void anAncOfAtMost1Point0IncludesExactly1Point0WhichIsNotNeutropenic() {
        assertNotCertain(withFeverAndAnc("<=1.0"), "<=1.0");
    }

    @Test
    void aCensoredAncTheFeverIsNotPairedWithChangesNothing() {
        var state = PatientState.empty(PATIENT)
                .apply(anc(T.minus(Duration.ofDays(5)), ">0.3"))
                .apply(vitalsAt(T).temperature("38.9").build())
                .apply(anc(T.plus(Duration.ofHours(1)), "0.5"));

        var fn = of(state, Criterion.FEBRILE_NEUTROPENIA);

        assertThat(fn.grade()).isEqualTo(3);
        assertThat(fn.caveats()).doesNotContain(AssessmentCaveat.CENSORED_RESULT);
        assertThat(fn.summary()).contains("ANC 0.5");
    }

    @Test
    void anAncOfAtLeast1Point0RulesFebrileNeutropeniaOut() {
        assertCertain(withFeverAndAnc(">=1.0"), 0, ">=1.0");
    }
}
