package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Therapy;

class DosePlansTest {

    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");
    private final DosePlans plans = new DosePlans(Duration.ofMinutes(5));

    private static DosePlanSubmission plan(Integer cycle, Integer cycleDay, Boolean cancelled) {
        return new DosePlanSubmission(
                "MRN-0010",
                "inotuzumab_ozogamicin",
                "BESPONSA",
                Instant.parse("2026-11-20T15:45:00Z"),
                Instant.parse("2026-11-21T08:00:00Z"),
                cycle,
                cycleDay,
                new BigDecimal("0.8"),
                "mg/m2",
                "ORD-77120",
                cancelled,
                "ORD-77120#active");
    }

    @Test
    void theFirstDoseOfCycle1IsAPlanForTheFuture() {
        var c1d1 = plan(1, 1, null);

        assertThat(plans.validate(c1d1, NOW)).isEmpty();
        var event = DosePlans.toEvent(c1d1, "CPOE", NOW);
        assertThat(event.therapy()).isEqualTo(Therapy.INOTUZUMAB_OZOGAMICIN);
        assertThat(event.plannedFor()).isAfter(NOW);
        assertThat(event.cycle()).isEqualTo(1);
        assertThat(event.cycleDay()).isEqualTo(1);
        assertThat(event.cancelled()).isFalse();
        assertThat(event.sourcePlanId()).isEqualTo("ORD-77120");
    }

    @Test
    void aPlanWithoutItsCycleAndDayIsRejectedForBoth() {
        assertThat(plans.validate(plan(null, null, null), NOW))
                .extracting(Violation::field)
                .containsExactly("cycle", "cycleDay");
    }

    @Test
    void cycleAndDayCountFromOne() {
        assertThat(plans.validate(plan(0, 0, null), NOW))
                .extracting(Violation::message)
                .containsOnly("starts at 1");
    }

    @Test
    void aCancellationIsAnotherEventOfTheSamePlan() {
        var planned = DosePlans.toEvent(plan(1, 8, false), "CPOE", NOW);
        var cancelled = DosePlans.toEvent(plan(1, 8, true), "CPOE", NOW);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.sourcePlanId()).isEqualTo(planned.sourcePlanId());
        assertThat(cancelled.eventId()).isNotEqualTo(planned.eventId());
    }

    @Test
    void aTherapyToxWatchDoesNotWatchIsRejectedNamingTheOnesItDoes() {
        var other = new DosePlanSubmission(
                "MRN-0010", "RITUXIMAB", null, NOW, NOW, 1, 1, null, null, null, null, "ORD-1#active");

        assertThat(plans.validate(other, NOW)).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("therapy");
            assertThat(violation.message()).contains("INOTUZUMAB_OZOGAMICIN");
        });
    }
}
