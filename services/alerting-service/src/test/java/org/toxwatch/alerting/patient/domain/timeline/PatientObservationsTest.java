package org.toxwatch.alerting.patient.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

class PatientObservationsTest {

    private static final String PATIENT = "MRN-1";

    @Nested
    class ResultsAsTheyStand {

        @Test
        void everyObservationStandsOldestFirstWhetherOrNotAnyGradeChanged() {
            var second = anc("0.31", "2026-12-02T06:00:00Z", "2026-12-02T07:00:00Z", null, ResultStatus.FINAL);
            var nadir = anc("0.08", "2026-12-03T06:00:00Z", "2026-12-03T07:00:00Z", null, ResultStatus.FINAL);
            var first = anc("0.9", "2026-12-01T06:00:00Z", "2026-12-01T07:00:00Z", null, ResultStatus.FINAL);

            var standing = PatientObservations.of(List.of(second, nadir, first), List.of());

            assertThat(standing.observations()).containsExactly(first, second, nadir);
            assertThat(standing.withdrawn()).isEmpty();
        }

        @Test
        void aCorrectionReplacesTheResultItNamesWhicheverArrivesFirst() {
            var original = anc("0.8", "2026-12-01T06:00:00Z", "2026-12-01T07:00:00Z", "ORD-1", ResultStatus.FINAL);
            var corrected =
                    anc("0.08", "2026-12-01T06:00:00Z", "2026-12-01T09:00:00Z", "ORD-1", ResultStatus.CORRECTED);

            var standing = PatientObservations.of(List.of(corrected, original), List.of());

            assertThat(standing.observations()).containsExactly(corrected);
            assertThat(standing.withdrawn()).containsExactly(original.eventId());
        }

        @Test
        void aCancellationWithdrawsTheResultAndShowsNothingInItsPlace() {
            var original = anc("0.8", "2026-12-01T06:00:00Z", "2026-12-01T07:00:00Z", "ORD-1", ResultStatus.FINAL);
            var cancelled = anc(null, "2026-12-01T06:00:00Z", "2026-12-01T09:00:00Z", "ORD-1", ResultStatus.CANCELLED);

            var standing = PatientObservations.of(List.of(original, cancelled), List.of());

            assertThat(standing.observations()).isEmpty();
            assertThat(standing.withdrawn()).containsExactlyInAnyOrder(original.eventId(), cancelled.eventId());
        }
    }

    @Nested
    class DayZero {

        @Test
        void aCarTPatientsDayZeroIsTheInfusionNotTheEnrolment() {
            var enrolled = milestone(TherapyEventType.ENROLLED, Therapy.CAR_T, "2026-11-25T08:00:00Z");
            var infused = milestone(TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, "2026-11-30T10:30:00Z");

            var standing = PatientObservations.of(List.of(), List.of(infused, enrolled));

            assertThat(standing.therapy()).containsExactly(enrolled, infused);
            assertThat(standing.dayZeros()).containsExactly(infused);
        }

        @Test
        void otherTherapiesStartAtTheFirstDoseOfEachEpisodeAndLaterDosesAreNotDayZero() {
            var enrolled = milestone(TherapyEventType.ENROLLED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-11-01T08:00:00Z");
            var day1 = milestone(
                    TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-11-02T09:00:00Z");
            var day8 = milestone(
                    TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-11-09T09:00:00Z");
            var reEnrolled =
                    milestone(TherapyEventType.ENROLLED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-12-01T08:00:00Z");
            var nextDay1 = milestone(
                    TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-12-02T09:00:00Z");

            var standing = PatientObservations.of(List.of(), List.of(nextDay1, day8, reEnrolled, day1, enrolled));

            assertThat(standing.dayZeros()).containsExactly(day1, nextDay1);
        }

        @Test
        void aBlinatumomabInfusionStartWithoutAnEnrolmentIsDayZero() {
            var started = milestone(TherapyEventType.INFUSION_STARTED, Therapy.BLINATUMOMAB, "2026-11-02T09:00:00Z");
            var stopped = milestone(TherapyEventType.INFUSION_STOPPED, Therapy.BLINATUMOMAB, "2026-11-04T09:00:00Z");
            var restarted = milestone(TherapyEventType.INFUSION_STARTED, Therapy.BLINATUMOMAB, "2026-11-04T15:00:00Z");

            var standing = PatientObservations.of(List.of(), List.of(started, stopped, restarted));

            assertThat(standing.dayZeros()).containsExactly(started);
        }
    }

    static ChartedObservation anc(
            @Nullable String value,
            String observedAt,
            String receivedAt,
            @Nullable String source,
            ResultStatus status) {
        return new ChartedObservation(
                UUID.randomUUID(),
                PATIENT,
                ChartedAnalyte.ANC,
                "751-8",
                value == null ? null : new BigDecimal(value),
                "10*9/L",
                null,
                null,
                Instant.parse(observedAt),
                Instant.parse(receivedAt),
                "lab-1",
                source,
                status);
    }

    static TherapyMilestone milestone(TherapyEventType type, Therapy therapy, String at) {
        return new TherapyMilestone(UUID.randomUUID(), PATIENT, Instant.parse(at), type, therapy, null, null, null);
    }
}
