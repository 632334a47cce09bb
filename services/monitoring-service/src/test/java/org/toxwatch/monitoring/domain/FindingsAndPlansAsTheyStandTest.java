package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.ClinicianInputs.finding;
import static org.toxwatch.monitoring.domain.ClinicianInputs.found;
import static org.toxwatch.monitoring.domain.ClinicianInputs.plan;
import static org.toxwatch.monitoring.domain.ClinicianInputs.withdrawn;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Therapy;

/** How the state reads the clinician's findings and the planned doses: as they stand, whatever the arrival order. */
class FindingsAndPlansAsTheyStandTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static Instant hoursLater(int hours) {
        return AT.plus(Duration.ofHours(hours));
    }

    @Nested
    class Findings {

        @Test
        void aFindingNobodyRecordedIsUnknownNotAbsent() {
            assertThat(PatientState.empty(PATIENT).finding(ClinicalFinding.ASCITES, null))
                    .isNull();
        }

        @Test
        void aWithdrawalWithASourceIdWithdrawsOnlyThatFinding() {
            var state = PatientState.empty(PATIENT)
                    .apply(finding(ClinicalFinding.ASCITES, true, AT, "cond-1"))
                    .apply(finding(ClinicalFinding.ASCITES, true, hoursLater(1), "cond-2"))
                    .apply(finding(ClinicalFinding.ASCITES, false, hoursLater(2), "cond-1"));

            assertThat(state.finding(ClinicalFinding.ASCITES, null)).isTrue();
        }

        @Test
        void aWithdrawalWithoutASourceIdWithdrawsEveryEarlierRecordOfTheFinding() {
            var state = PatientState.empty(PATIENT)
                    .apply(finding(ClinicalFinding.ASCITES, true, AT, "cond-1"))
                    .apply(finding(ClinicalFinding.ASCITES, true, hoursLater(1), "cond-2"))
                    .apply(withdrawn(ClinicalFinding.ASCITES, hoursLater(2)));

            assertThat(state.finding(ClinicalFinding.ASCITES, null)).isFalse();
        }

        @Test
        void theNewestByExaminationTimeStandsWhateverTheArrivalOrder() {
            var diagnosed = found(ClinicalFinding.VOD_SOS_DIAGNOSED, hoursLater(2));
            var refuted = withdrawn(ClinicalFinding.VOD_SOS_DIAGNOSED, hoursLater(1));

            var inOrder = PatientState.empty(PATIENT).apply(refuted).apply(diagnosed);
            var reversed = PatientState.empty(PATIENT).apply(diagnosed).apply(refuted);

            assertThat(inOrder).isEqualTo(reversed);
            assertThat(reversed.finding(ClinicalFinding.VOD_SOS_DIAGNOSED, null))
                    .isTrue();
        }

        @Test
        void aRedeliveredFindingChangesNothing() {
            var ascites = found(ClinicalFinding.ASCITES, AT);
            var once = PatientState.empty(PATIENT).apply(ascites);

            assertThat(once.apply(ascites)).isSameAs(once);
        }
    }

    @Nested
    class Plans {

        @Test
        void anUpdateUnderThePlanIdReplacesThePlanButKeepsWhenItWasFirstOrdered() {
            var state = PatientState.empty(PATIENT)
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, AT, hoursLater(48), 1, 1, "order-1", false))
                    .apply(plan(
                            PATIENT,
                            Therapy.INOTUZUMAB_OZOGAMICIN,
                            hoursLater(5),
                            hoursLater(72),
                            1,
                            1,
                            "order-1",
                            false));

            assertThat(state.plansOf(Therapy.INOTUZUMAB_OZOGAMICIN))
                    .singleElement()
                    .satisfies(plan -> {
                        assertThat(plan.plannedFor()).isEqualTo(hoursLater(72));
                        assertThat(plan.firstOrderedAt()).isEqualTo(AT);
                        assertThat(plan.cancelled()).isFalse();
                    });
        }

        @Test
        void aCancellationWithoutAPlanIdCancelsEveryEarlierPlanOfItsCycleAndDay() {
            var state = PatientState.empty(PATIENT)
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, AT, hoursLater(48), 1, 8, "order-1", false))
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, AT, hoursLater(96), 1, 15, "order-2", false))
                    .apply(plan(
                            PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, hoursLater(3), hoursLater(48), 1, 8, null, true));

            assertThat(state.plansOf(Therapy.INOTUZUMAB_OZOGAMICIN))
                    .filteredOn(plan -> !plan.cancelled())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.cycleDay()).isEqualTo(15));
        }

        @Test
        void aPlanIsForgotten56DaysAfterTheTimeItWasPlannedFor() {
            var state = PatientState.empty(PATIENT)
                    .apply(plan(PATIENT, Therapy.INOTUZUMAB_OZOGAMICIN, AT, hoursLater(1), 1, 1, null, false))
                    .apply(found(ClinicalFinding.ASCITES, hoursLater(1).plus(Duration.ofDays(57))));

            assertThat(state.dosePlans()).isEmpty();
        }
    }
}
