package org.toxwatch.monitoring.domain.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRITERIA.md 10: CAR-T monitoring windows, ToxWatch defaults and label windows by product and label date. */
class CarTMonitoringWindowsTest {

    private final CarTMonitoringWindows windows = CarTMonitoringWindows.defaults();
    private final LocalDate infusedAfterJune2025 = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "day {0}: intensive {1}, CRS/ICANS {2}, ICAHT early {3}, ICAHT late {4}")
    @CsvSource({
        "0,   true,  true,  true,  false",
        "14,  true,  true,  true,  false",
        "15,  false, true,  true,  false",
        "28,  false, true,  true,  false",
        "29,  false, false, true,  false",
        "30,  false, false, true,  false",
        "31,  false, false, false, true",
        "100, false, false, false, true",
        "101, false, false, false, false",
    })
    void toxWatchDefaults(int day, boolean intensive, boolean crsAndIcans, boolean icahtEarly, boolean icahtLate) {
        var open = windows.openOn("UNLISTED-PRODUCT", infusedAfterJune2025, day);

        assertThat(open.highIntensity()).isEqualTo(intensive);
        assertThat(open.descriptions().stream().anyMatch(d -> d.startsWith("CAR-T intensive monitoring, day 0-14")))
                .isEqualTo(intensive);
        assertThat(open.descriptions().stream().anyMatch(d -> d.startsWith("CRS and ICANS grading, day 0-28")))
                .isEqualTo(crsAndIcans);
        assertThat(open.descriptions().stream().anyMatch(d -> d.startsWith("ICAHT early window, day 0-30")))
                .isEqualTo(icahtEarly);
        assertThat(open.descriptions().stream().anyMatch(d -> d.startsWith("ICAHT late window, day 31-100")))
                .isEqualTo(icahtLate);
        assertThat(open.descriptions()).contains("no label windows configured for UNLISTED-PRODUCT");
    }

    @ParameterizedTest(name = "KYMRIAH infused {0}, day {1}: proximity window {2}")
    @CsvSource({
        "2025-06-25, 20, 'stay within 2 h of the certified facility, day 0-28 (KYMRIAH label before 6/2025)'",
        "2025-06-26, 14, 'stay near the treatment center and no driving (check the current label for in-facility"
                + " monitoring), day 0-14 (KYMRIAH label 6/2025)'",
    })
    void theLabelVersionInEffectOnTheInfusionDateApplies(LocalDate infused, int day, String window) {
        var open = windows.openOn("Kymriah", infused, day);

        assertThat(open.descriptions()).contains(window);
    }

    @Test
    void theJune2025KymriahLabelHasNoWindowAfterTwoWeeks() {
        var open = windows.openOn("KYMRIAH", infusedAfterJune2025, 15);

        assertThat(open.descriptions()).noneMatch(d -> d.contains("KYMRIAH"));
    }

    @ParameterizedTest(name = "TECARTUS infused {0}, day {1}: daily monitoring {2}")
    @CsvSource({"2025-01-10, 14, true", "2025-01-10, 15, false", "2026-01-10, 7, true", "2026-01-10, 8, false"})
    void tecartusDailyMonitoringIsHighIntensity(LocalDate infused, int day, boolean daily) {
        var open = windows.openOn("TECARTUS", infused, day);

        assertThat(open.descriptions().stream().anyMatch(d -> d.startsWith("daily monitoring")))
                .isEqualTo(daily);
    }

    @Test
    void saysSoWhenTheProductIsNotReported() {
        var open = windows.openOn(null, infusedAfterJune2025, 3);

        assertThat(open.descriptions()).contains("CAR-T product not reported: no label windows");
    }
}
