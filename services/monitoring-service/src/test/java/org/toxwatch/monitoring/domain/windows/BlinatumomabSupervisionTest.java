package org.toxwatch.monitoring.domain.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.monitoring.domain.TherapyAdministration;

/** CRITERIA.md 9.2: BLINCYTO hospitalization and supervision windows. */
class BlinatumomabSupervisionTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** 09:00 in Berlin on cycle day 1. */
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final List<TherapyAdministration> infusion = new ArrayList<>();

    @ParameterizedTest(name = "cycle 1, {0} days after the first start -> high intensity {1}")
    @CsvSource({"0, true", "8, true", "9, false"})
    void cycleOneIsHospitalizedForDaysOneToNineInTheRelapsedRefractorySetting(long daysLater, boolean expected) {
        start(START, null);

        var open = BlinatumomabSupervision.openAt(infusion, START.plus(Duration.ofDays(daysLater)), ZONE);

        assertThat(open.highIntensity()).isEqualTo(expected);
        if (expected) {
            assertThat(open.descriptions())
                    .singleElement()
                    .asString()
                    .contains("cycle 1 day " + (daysLater + 1))
                    .contains("relapsed/refractory");
        }
    }

    @ParameterizedTest(name = "cycle 2, {0} days after its start -> high intensity {1}")
    @CsvSource({"0, true", "1, true", "2, false"})
    void cycleTwoIsHospitalizedForDaysOneAndTwo(long daysLater, boolean expected) {
        var cycle2 = START.plus(Duration.ofDays(42));
        start(START, null);
        stop(START.plus(Duration.ofDays(28)));
        start(cycle2, null);

        var open = BlinatumomabSupervision.openAt(infusion, cycle2.plus(Duration.ofDays(daysLater)), ZONE);

        assertThat(open.highIntensity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "interrupted for {0} then restarted -> cycle day 10 is high intensity {1}")
    @CsvSource({
        "PT168H,  false", // exactly 7 days continues cycle 1: day 10 of cycle 1 is past the window
        "PT168H1M, true", // more than 7 days starts cycle 2
    })
    void anInterruptionOfMoreThanSevenDaysStartsANewCycle(Duration interruption, boolean expected) {
        start(START, null);
        var stop = START.plus(Duration.ofDays(2));
        stop(stop);
        var restart = stop.plus(interruption);
        start(restart, null);

        var open = BlinatumomabSupervision.openAt(infusion, restart.plus(Duration.ofHours(25)), ZONE);

        assertThat(open.highIntensity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "restart after {0}, {1} h later -> supervised {2}")
    @CsvSource({
        "PT4H,     0, true",
        "PT4H,    23, true",
        "PT4H,    24, false",
        "PT3H59M,  0, false",
    })
    void aRestartAfterAnInterruptionOfFourHoursOrMoreIsSupervisedForTheFirstDay(
            Duration interruption, long hoursLater, boolean expected) {
        start(START, null);
        var stop = START.plus(Duration.ofDays(12));
        stop(stop);
        var restart = stop.plus(interruption);
        start(restart, null);

        var open = BlinatumomabSupervision.openAt(infusion, restart.plus(Duration.ofHours(hoursLater)), ZONE);

        assertThat(open.highIntensity()).isEqualTo(expected);
        if (expected) {
            assertThat(open.descriptions()).singleElement().asString().contains("ToxWatch default");
        }
    }

    @Test
    void aLaterCycleStartIsSupervisedAndItsNumberComesFromTheEvent() {
        var cycle3 = START.plus(Duration.ofDays(84));
        start(cycle3, 3);

        var open = BlinatumomabSupervision.openAt(infusion, cycle3.plus(Duration.ofHours(2)), ZONE);

        assertThat(open.highIntensity()).isTrue();
        assertThat(open.descriptions()).singleElement().asString().startsWith("BLINCYTO cycle 3 start");
    }

    @Test
    void nothingIsOpenBeforeTheFirstStart() {
        start(START, null);

        assertThat(BlinatumomabSupervision.openAt(infusion, START.minusSeconds(60), ZONE))
                .isEqualTo(OpenWindows.NONE);
    }

    private void start(Instant at, @Nullable Integer cycle) {
        infusion.add(change(TherapyEventType.INFUSION_STARTED, at, cycle));
    }

    private void stop(Instant at) {
        infusion.add(change(TherapyEventType.INFUSION_STOPPED, at, null));
    }

    private static TherapyAdministration change(TherapyEventType type, Instant at, @Nullable Integer cycle) {
        return new TherapyAdministration(UUID.randomUUID().toString(), type, at, "BLINCYTO", cycle, null, null, null);
    }
}
