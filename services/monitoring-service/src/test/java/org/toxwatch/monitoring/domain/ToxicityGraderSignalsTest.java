package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.hematotoxicity.IcahtRule;
import org.toxwatch.monitoring.domain.liversignals.VodSosRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/** How the grader feeds the state to the ICAHT, Hy's law and VOD/SOS rules (the rules' tables are tested apart). */
class ToxicityGraderSignalsTest {

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

    @Nested
    class CarTHematotoxicity {

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

    @Nested
    class HysLaw {

        @Test
        void aminotransferaseAtThreeTimesUlnWithBilirubinAboveTwiceUlnIsASignal() {
            var state = PatientState.empty(PATIENT)
                    .apply(aLab(Analyte.ALT)
                            .value("130")
                            .range(null, "40")
                            .at(INFUSION)
                            .build())
                    .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value("2.6")
                            .range("0.1", "1.2")
                            .at(INFUSION.plus(Duration.ofHours(20)))
                            .build());

            assertThat(of(state, Criterion.HYS_LAW, grader).orElseThrow().grade())
                    .isEqualTo(1);
        }

        @Test
        void needsBothAnAminotransferaseAndABilirubin() {
            var state = PatientState.empty(PATIENT)
                    .apply(aLab(Analyte.ALT)
                            .value("130")
                            .range(null, "40")
                            .at(INFUSION)
                            .build());

            assertThat(of(state, Criterion.HYS_LAW, grader)).isEmpty();
        }
    }

    @Nested
    class VodSosWatch {

        private final Instant firstDose = Instant.parse("2026-03-01T10:00:00Z");

        private PatientState onInotuzumab() {
            return PatientState.empty(PATIENT)
                    .apply(vitalsAt(firstDose.minus(Duration.ofHours(20)))
                            .weight("60.0")
                            .build())
                    .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose, 1, 1));
        }

        @Test
        void bilirubinOf2WithWeightGainAbove5PercentIsPartialUntilAClinicianAssessesTheLiverAndAscites() {
            var state = onInotuzumab()
                    .apply(vitalsAt(firstDose.plus(Duration.ofDays(5)))
                            .weight("63.1")
                            .build())
                    .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value("2.1")
                            .range("0.1", "1.2")
                            .at(firstDose.plus(Duration.ofDays(5)))
                            .build());

            var vod = of(state, Criterion.VOD_SOS, grader).orElseThrow();

            assertThat(vod.grade()).isEqualTo(VodSosRule.PARTIAL);
            assertThat(vod.evidence()).extracting(e -> e.code()).contains("29463-7", "1975-2");
        }

        @Test
        void theWatchEnds56DaysAfterTheLastDose() {
            var state = onInotuzumab()
                    .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value("2.1")
                            .range("0.1", "1.2")
                            .at(firstDose.plus(Duration.ofDays(57)))
                            .build());

            assertThat(of(state, Criterion.VOD_SOS, grader)).isEmpty();
        }

        @Test
        void noWatchWithoutAnInotuzumabDose() {
            var state = PatientState.empty(PATIENT)
                    .apply(aLab(Analyte.TOTAL_BILIRUBIN)
                            .value("2.1")
                            .range("0.1", "1.2")
                            .at(firstDose)
                            .build());

            assertThat(of(state, Criterion.VOD_SOS, grader)).isEmpty();
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
