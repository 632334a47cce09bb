package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.ClinicianInputs.found;
import static org.toxwatch.monitoring.domain.ClinicianInputs.plan;
import static org.toxwatch.monitoring.domain.ClinicianInputs.planned;
import static org.toxwatch.monitoring.domain.ClinicianInputs.withdrawn;
import static org.toxwatch.monitoring.domain.InotuzumabLabs.labs;
import static org.toxwatch.monitoring.domain.InotuzumabLabs.liverTests;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * The BESPONSA pre-dose decision (CRITERIA.md 8.2) for planned doses, the first dose of the course included, and
 * the standing liver diagnoses it honours.
 */
class BesponsaPlannedDosesTest {

    private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");

    private static final Instant ORDERED = C1D1.minus(Duration.ofDays(2));

    private static final Instant BEFORE_C1D1 = C1D1.minus(Duration.ofHours(3));

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private static PatientState normalLabsBeforeC1D1() {
        return labs(PatientState.empty(PATIENT), BEFORE_C1D1, "2.0", "150", "10", "30", "25");
    }

    private static PatientState c1d1Planned(PatientState state) {
        return state.apply(planned(ORDERED, C1D1, 1, 1));
    }

    private Optional<Assessment> decision(PatientState state) {
        return assessment(state, Criterion.BESPONSA_PRE_DOSE);
    }

    private Optional<Assessment> assessment(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst();
    }

    @Nested
    class TheFirstDoseOfTheCourse {

        @Test
        void aPlannedC1D1WithBaselineCountsAndLiverTestsProceedsWithoutTheHematologicRules() {
            var state = c1d1Planned(normalLabsBeforeC1D1());

            var decision = decision(state).orElseThrow();

            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
            assertThat(decision.summary())
                    .startsWith("For the planned dose, cycle 1 day 1, planned for 2026-03-01T10:00:00Z: "
                            + "BESPONSA pre-dose decision: PROCEED")
                    .contains("Hematologic rules not applied");
            assertThat(decision.evidence())
                    .extracting(Evidence::code)
                    .contains("dose-plan", "751-8", "777-3", "1975-2", "1920-8", "1742-6");
        }

        @Test
        void isNotDecidedWithoutABloodCount() {
            var state = c1d1Planned(liverTests(PatientState.empty(PATIENT), BEFORE_C1D1, "10", "30", "25"));

            assertThat(decision(state)).isEmpty();
        }

        @Test
        void readsNoLabCollectedMoreThan30DaysBeforeThePlannedDose() {
            var state = c1d1Planned(
                    labs(PatientState.empty(PATIENT), C1D1.minus(Duration.ofDays(31)), "2.0", "150", "10", "30", "25"));

            assertThat(decision(state)).isEmpty();
        }

        @Test
        void isHeldWhenBilirubinAndAstAreAlreadyOverTheHepaticLimits() {
            // 31.6 umol/L > 1.5 x ULN 21 (31.5); AST 101 > 2.5 x ULN 40 (100): rule 2 is not limited to later doses.
            var state = c1d1Planned(labs(PatientState.empty(PATIENT), BEFORE_C1D1, "2.0", "150", "31.6", "101", "25"));

            var decision = decision(state).orElseThrow();

            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.HOLD_GRADE);
            assertThat(decision.summary()).contains("HOLD (HEPATIC)");
        }
    }

    @Nested
    class AVodDiagnosis {

        @Test
        void discontinuesThePlannedDoseBeforeItsLabsAreThere() {
            var state = c1d1Planned(PatientState.empty(PATIENT))
                    .apply(found(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofDays(1))));

            var decision = decision(state).orElseThrow();

            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
            assertThat(decision.summary()).contains("DISCONTINUE (VOD)").contains("Rules 2-4 not evaluated");
            assertThat(decision.evidence()).extracting(Evidence::code).contains("VOD_SOS_DIAGNOSED", "dose-plan");
        }

        @Test
        void ofOtherSevereLiverToxicityDiscontinuesToo() {
            var state = c1d1Planned(normalLabsBeforeC1D1())
                    .apply(found(ClinicalFinding.SEVERE_LIVER_TOXICITY_DIAGNOSED, BEFORE_C1D1));

            assertThat(decision(state).orElseThrow().grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
        }

        @Test
        void discontinuesEveryLaterDoseOfTheCourse() {
            var state = c1d1Planned(normalLabsBeforeC1D1())
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1))
                    .apply(found(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.plus(Duration.ofDays(4))));
            state = labs(state, C1D1.plus(Duration.ofDays(6)), "1.9", "140", "12", "35", "30");

            var decision = decision(state).orElseThrow();

            assertThat(decision.summary()).startsWith("For the next planned dose, cycle 1 day 8: ");
            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
        }

        @Test
        void withdrawnLaterIsLifted() {
            var state = c1d1Planned(normalLabsBeforeC1D1())
                    .apply(found(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofDays(1))))
                    .apply(withdrawn(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofHours(2))));

            assertThat(decision(state).orElseThrow().grade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
        }

        @Test
        void isNotLiftedByAWithdrawalExaminedBeforeIt() {
            // the withdrawal arrives last but was charted for an earlier time: the diagnosis is the newer finding
            var state = c1d1Planned(normalLabsBeforeC1D1())
                    .apply(found(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofHours(2))))
                    .apply(withdrawn(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofDays(1))));

            assertThat(decision(state).orElseThrow().grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
        }
    }

    @Nested
    class PlannedDoses {

        @Test
        void aPlanOnceGivenGivesWayToTheNextDose() {
            var state = c1d1Planned(normalLabsBeforeC1D1()).apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1));
            state = labs(state, C1D1.plus(Duration.ofDays(6)), "1.9", "140", "12", "35", "30");

            assertThat(decision(state).orElseThrow().summary())
                    .startsWith("For the next planned dose, cycle 1 day 8: ");
        }

        @Test
        void aDoseSentWithoutItsCycleAndDayGivesTheEarliestPlan() {
            var state = c1d1Planned(normalLabsBeforeC1D1())
                    .apply(planned(ORDERED, C1D1.plus(Duration.ofDays(7)), 1, 8))
                    .apply(new TherapyEventRecorded(
                            UUID.randomUUID(),
                            PATIENT,
                            C1D1,
                            C1D1,
                            "mar",
                            "mar-1",
                            TherapyEventType.DOSE_ADMINISTERED,
                            Therapy.INOTUZUMAB_OZOGAMICIN,
                            "BESPONSA",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            state = labs(state, C1D1.plus(Duration.ofDays(6)), "1.9", "140", "12", "35", "30");

            assertThat(decision(state).orElseThrow().summary())
                    .startsWith("For the planned dose, cycle 1 day 8, planned for 2026-03-08T10:00:00Z: ");
        }

        @Test
        void aCancelledPlanWithdrawsItsPublishedDecision() {
            var published = grader.reassess(c1d1Planned(normalLabsBeforeC1D1())).state();
            assertThat(published.publishedGrade(Criterion.BESPONSA_PRE_DOSE).grade())
                    .isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);

            var cancelled = published.apply(plan(
                    PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, C1D1.minus(Duration.ofHours(1)), C1D1, 1, 1, null, true));
            var reassessment = grader.reassess(cancelled);

            assertThat(reassessment.changed()).singleElement().satisfies(withdrawal -> {
                assertThat(withdrawal.criterion()).isEqualTo(Criterion.BESPONSA_PRE_DOSE);
                assertThat(withdrawal.grade()).isNull();
                assertThat(withdrawal.notAssessableReason())
                        .isEqualTo("the planned dose, cycle 1 day 1, planned for 2026-03-01T10:00:00Z, was cancelled"
                                + " and no other dose is pending: its pre-dose decision is withdrawn");
            });
        }

        @Test
        void aPlanUpdatedUnderItsPlanIdIsDecidedForItsNewTime() {
            var later = C1D1.plus(Duration.ofDays(2));
            var state = normalLabsBeforeC1D1()
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, ORDERED, C1D1, 1, 1, "ord-7", false))
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, BEFORE_C1D1, later, 1, 1, "ord-7", false));

            assertThat(decision(state).orElseThrow().summary())
                    .startsWith("For the planned dose, cycle 1 day 1, planned for 2026-03-03T10:00:00Z: ");
        }

        @Test
        void aPlanOfAnotherTherapyIsKeptWithoutADecision() {
            var state = normalLabsBeforeC1D1()
                    .apply(plan(PATIENT, Therapy.BLINATUMOMAB, ORDERED, C1D1, 1, 1, "ord-9", false));

            assertThat(decision(state)).isEmpty();
            assertThat(state.plansOf(Therapy.BLINATUMOMAB))
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.plannedFor()).isEqualTo(C1D1));
        }
    }
}
