package org.toxwatch.alerting.console.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayIsTickedOnWholeHoursOfTheHospitalsClockWithTheDateUnderItsFirstTick() {
        // 05:10 to 21:40 in Berlin (UTC+1 in December)
        var scale =
                TimeScale.of(Instant.parse("2026-12-05T04:10:00Z"), Instant.parse("2026-12-05T20:40:00Z"), BERLIN, 7);

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::label)
                .containsExactly("06:00", "09:00", "12:00", "15:00", "18:00", "21:00");
        assertThat(scale.ticks().getFirst().at()).isEqualTo(Instant.parse("2026-12-05T05:00:00Z"));
        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::date)
                .containsExactly("Sat 5 Dec", null, null, null, null, null);
        assertThat(scale.zone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aNightAcrossMidnightNamesTheNewDayAtItsFirstTick() {
        var scale =
                TimeScale.of(Instant.parse("2026-12-05T19:30:00Z"), Instant.parse("2026-12-06T04:00:00Z"), BERLIN, 7);

        assertThat(scale.ticks()).extracting(TimeScale.Tick::label).containsExactly("22:00", "00:00", "02:00", "04:00");
        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::date)
                .containsExactly("Sat 5 Dec", "Sun 6 Dec", null, null);
    }

    @Test
    void aCourseOfWeeksIsTickedAtMidnightsEveryFewDays() {
        // CAR-T day -5 to day +28
        var scale =
                TimeScale.of(Instant.parse("2026-11-10T07:00:00Z"), Instant.parse("2026-12-13T18:00:00Z"), BERLIN, 7);

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::label)
                .containsExactly("11 Nov", "18 Nov", "25 Nov", "2 Dec", "9 Dec");
        assertThat(scale.ticks().getFirst().at()).isEqualTo(Instant.parse("2026-11-10T23:00:00Z"));
        assertThat(scale.ticks()).allSatisfy(tick -> assertThat(tick.date()).isNull());
    }

    @Test
    void theSameInstantsReadInAnotherZoneAreTickedOnThatZonesClock() {
        var scale = TimeScale.of(
                Instant.parse("2026-12-05T04:10:00Z"), Instant.parse("2026-12-05T20:40:00Z"), ZoneId.of("UTC"), 7);

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::label)
                .containsExactly("06:00", "09:00", "12:00", "15:00", "18:00");
    }

    @Test
    void aTickTheSpringClockChangeSkipsIsLabelledWithTheTimeTheClockShows() {
        // Berlin goes from 02:00 to 03:00 on 29 March 2026
        var scale =
                TimeScale.of(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T10:00:00Z"), BERLIN, 7);

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::label)
                .containsExactly("00:00", "03:00", "04:00", "06:00", "08:00", "10:00", "12:00");
    }

    @Test
    void datesAreAlsoToldAsDaysSinceDayZeroOnTheHospitalsCalendar() {
        // infused 30 Nov at 00:30 in Berlin, still 29 Nov in UTC
        var dayZero = Instant.parse("2026-11-29T23:30:00Z");
        var scale = TimeScale.of(
                        Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-12-10T10:00:00Z"), BERLIN, 7)
                .countingFrom(dayZero);

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::label, TimeScale.Tick::therapyDay)
                .containsExactly(
                        tuple("29 Nov", "day -1"),
                        tuple("1 Dec", "day +1"),
                        tuple("3 Dec", "day +3"),
                        tuple("5 Dec", "day +5"),
                        tuple("7 Dec", "day +7"),
                        tuple("9 Dec", "day +9"));
    }

    @Test
    void onAScaleOfHoursOnlyTheTicksThatShowADateCountTheDay() {
        var scale = TimeScale.of(
                        Instant.parse("2026-12-05T19:30:00Z"), Instant.parse("2026-12-06T04:00:00Z"), BERLIN, 7)
                .countingFrom(Instant.parse("2026-11-30T10:30:00Z"));

        assertThat(scale.ticks())
                .extracting(TimeScale.Tick::therapyDay)
                .containsExactly("day +5", "day +6", null, null);
    }

    @Test
    void neverMoreTicksThanAskedFor() {
        var from = Instant.parse("2026-01-01T00:00:00Z");
        for (long hours : new long[] {1, 5, 13, 47, 200, 2000, 20000}) {
            var scale = TimeScale.of(from, from.plusSeconds(hours * 3600), BERLIN, 7);

            assertThat(scale.ticks()).as(hours + " h").hasSizeLessThanOrEqualTo(7);
        }
    }
}
