package org.toxwatch.monitoring.domain.hematotoxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * ICAHT (CRITERIA.md 6.1) on a patient's state: early from the latest CAR-T infusion once an ANC follows it, late
 * from day 31 (the rule's own table is IcahtRuleTest).
 */
class CarTHematotoxicityTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final Instant INFUSION = Instant.parse("2026-03-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZONE);

    private static Optional<Assessment> of(PatientState state, Criterion criterion, ToxicityGrader grader) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst();
    }

    private static PatientState withAnc(PatientState state, Instant at, String value) {
        return state.apply(
                aLab(Analyte.ANC).value(value).range("1.8", "7.7").at(at).build());
    }

    private PatientState infused() {
        return PatientState.empty(PATIENT)
                .apply(enrolled(Therapy.CAR_T, INFUSION.minus(Duration.ofDays(5))))
                .apply(carTInfused(INFUSION));
    }

    @Test
    void fifteenDaysAtOrBelow500AfterInfusionIsEarlyIcahtGradeThree() {
        var state = infused();
        for (int day = 0; day <= 14; day++) {
            state = withAnc(state, INFUSION.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), "0.3");
        }
        state = withAnc(state, INFUSION.plus(Duration.ofDays(15)).plus(Duration.ofHours(1)), "1.1");

        var early = of(state, Criterion.ICAHT_EARLY, grader).orElseThrow();

        assertThat(early.grade()).isEqualTo(3);
        assertThat(early.summary()).contains("provisional");
        assertThat(of(state, Criterion.ICAHT_LATE, grader)).isEmpty();
    }

    @Test
    void noIcahtBeforeAnyAncFollowsTheInfusion() {
        var state = withAnc(infused(), INFUSION.minus(Duration.ofDays(6)), "1.9");

        assertThat(of(state, Criterion.ICAHT_EARLY, grader)).isEmpty();
    }

    @Test
    void lateIcahtIsGradedFromDay31WithTheAncsKeptSinceInfusion() {
        var state = infused();
        for (int day = 0; day <= 40; day++) {
            state = withAnc(state, INFUSION.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), "0.8");
        }

        assertThat(state.labsOf(Analyte.ANC)).hasSize(41);
        assertThat(of(state, Criterion.ICAHT_LATE, grader).orElseThrow().grade())
                .isEqualTo(2);
        assertThat(of(state, Criterion.ICAHT_EARLY, grader).orElseThrow().grade())
                .isZero();
    }

    @Nested
    class IcahtAfterDay100 {

        @Test
        void anAncLongAfterTheLateWindowLeavesTheEarlyGradeAsPublished() {
            var state = PatientState.empty(PATIENT)
                    .apply(enrolled(Therapy.CAR_T, INFUSION.minus(Duration.ofDays(5))))
                    .apply(carTInfused(INFUSION));
            for (int day = 0; day <= 30; day++) {
                state = withAnc(
                        state, INFUSION.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), day < 7 ? "0.3" : "1.0");
            }
            int earlyGrade =
                    of(state, Criterion.ICAHT_EARLY, grader).orElseThrow().grade();

            state = withAnc(state, INFUSION.plus(Duration.ofDays(105)), "2.0");

            assertThat(earlyGrade).isEqualTo(2);
            assertThat(of(state, Criterion.ICAHT_EARLY, grader).orElseThrow().grade())
                    .as("days 0-6 at or below 500 are still read on day 105")
                    .isEqualTo(2);
        }
    }

    @Test
    void icahtFlagsMissingDaysAsIncomplete() {
        var state = PatientState.empty(PATIENT).apply(carTInfused(INFUSION));
        state = withAnc(state, INFUSION.plus(Duration.ofDays(3)), "0.2");

        assertThat(of(state, Criterion.ICAHT_EARLY, grader).orElseThrow().summary())
                .contains(IcahtRule.DATA_INCOMPLETE);
    }
}
