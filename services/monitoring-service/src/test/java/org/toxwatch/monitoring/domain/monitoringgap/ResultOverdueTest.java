package org.toxwatch.monitoring.domain.monitoringgap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.units.Analyte;

class ResultOverdueTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void aPatientNoWatchAppliesToHasNoSignal() {
        var state = PatientState.empty(PATIENT)
                .apply(aLab(Analyte.ANC)
                        .value("0.4")
                        .at(Instant.parse("2026-03-01T08:00:00Z"))
                        .build());

        assertThat(ResultOverdue.assess(state, Instant.parse("2026-03-05T08:00:00Z"), ZONE))
                .isNull();
    }

    @Nested
    class DailyAncAfterCarT {

        private final Instant infusion = Instant.parse("2026-03-01T09:00:00Z");

        private PatientState infusedWithAncAt(Instant anc) {
            return PatientState.empty(PATIENT)
                    .apply(carTInfused(infusion))
                    .apply(aLab(Analyte.ANC).value("0.4").at(anc).build());
        }

        @Test
        void exactly24HoursWithoutAnAncIsNotYetOverdue() {
            Instant anc = infusion.plus(Duration.ofDays(3));

            var at24h = ResultOverdue.assess(infusedWithAncAt(anc), anc.plus(Duration.ofHours(24)), ZONE);
            var after24h = ResultOverdue.assess(
                    infusedWithAncAt(anc), anc.plus(Duration.ofHours(24)).plusSeconds(60), ZONE);

            assertThat(at24h.grade()).isZero();
            assertThat(after24h.grade()).isEqualTo(1);
            assertThat(after24h.summary()).contains("no ANC for 24 h on CAR-T day 4");
        }

        @Test
        void theWatchStartsAtTheInfusionNotAtAnOlderAnc() {
            var state = infusedWithAncAt(infusion.minus(Duration.ofDays(3)));

            assertThat(ResultOverdue.assess(state, infusion.plus(Duration.ofHours(23)), ZONE)
                            .grade())
                    .isZero();
            assertThat(ResultOverdue.assess(state, infusion.plus(Duration.ofHours(25)), ZONE)
                            .grade())
                    .isEqualTo(1);
        }

        @Test
        void theWatchEndsAfterDay30() {
            Instant anc = infusion.plus(Duration.ofDays(28));
            var state = infusedWithAncAt(anc);

            assertThat(ResultOverdue.assess(state, infusion.plus(Duration.ofDays(30)), ZONE)
                            .grade())
                    .as("day 30: two days without an ANC")
                    .isEqualTo(1);
            assertThat(ResultOverdue.assess(state, infusion.plus(Duration.ofDays(31)), ZONE)
                            .grade())
                    .as("day 31: no longer watched, the signal falls back to 0")
                    .isZero();
        }
    }

    @Nested
    class LiverTestsBeforeAnInotuzumabDose {

        private final Instant c1d1 = Instant.parse("2026-03-02T10:00:00Z");

        private PatientState firstDose() {
            return PatientState.empty(PATIENT)
                    .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.minus(Duration.ofHours(1))))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1, 1, 1));
        }

        private static PatientState drawn(PatientState state, Instant at, Analyte... tests) {
            var drawn = state;
            for (Analyte test : tests) {
                drawn = drawn.apply(aLab(test).value("1").at(at).build());
            }
            return drawn;
        }

        @Test
        void isDueFromTheFirstHospitalDayTheNextDoseCanBeGiven() {
            var state = firstDose();
            Instant day8 = Instant.parse("2026-03-08T23:00:00Z"); // 00:00 on 9 March in Berlin: C1D8

            assertThat(ResultOverdue.assess(state, day8.minusSeconds(1), ZONE).grade())
                    .isZero();
            var due = ResultOverdue.assess(state, day8, ZONE);
            assertThat(due.grade()).isEqualTo(1);
            assertThat(due.summary()).contains("no ALT, AST, TOTAL_BILIRUBIN, ALP since the last inotuzumab dose");
        }

        @Test
        void allFourTestsDrawnAfterTheDoseClearIt() {
            Instant drawnAt = c1d1.plus(Duration.ofDays(6));
            var partly = drawn(firstDose(), drawnAt, Analyte.ALT, Analyte.AST, Analyte.TOTAL_BILIRUBIN);
            var fully = drawn(partly, drawnAt, Analyte.ALP);
            Instant day8 = c1d1.plus(Duration.ofDays(7));

            assertThat(ResultOverdue.assess(partly, day8, ZONE).summary()).contains("no ALP since");
            assertThat(ResultOverdue.assess(fully, day8, ZONE).grade()).isZero();
        }

        @Test
        void afterDay15TheNextCycleIsDueIn7DaysInCycle1And14Later() {
            var cycle1 = firstDose()
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.plus(Duration.ofDays(7)), 1, 8))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.plus(Duration.ofDays(14)), 1, 15));
            var cycle2 = cycle1.apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.plus(Duration.ofDays(21)), 2, 1))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.plus(Duration.ofDays(28)), 2, 8))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, c1d1.plus(Duration.ofDays(35)), 2, 15));

            assertThat(ResultOverdue.assess(cycle1, c1d1.plus(Duration.ofDays(21)), ZONE)
                            .grade())
                    .isEqualTo(1);
            assertThat(ResultOverdue.assess(cycle2, c1d1.plus(Duration.ofDays(42)), ZONE)
                            .grade())
                    .as("cycle 2 is a 28-day cycle: day 1 of cycle 3 is 14 days after day 15")
                    .isZero();
            assertThat(ResultOverdue.assess(cycle2, c1d1.plus(Duration.ofDays(49)), ZONE)
                            .grade())
                    .isEqualTo(1);
        }

        @Test
        void theWatchEnds56DaysAfterTheLastDose() {
            assertThat(ResultOverdue.assess(firstDose(), c1d1.plus(Duration.ofDays(57)), ZONE)
                            .grade())
                    .isZero();
        }
    }
}
