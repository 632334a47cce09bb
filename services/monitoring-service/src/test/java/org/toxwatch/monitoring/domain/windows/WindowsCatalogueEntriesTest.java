package org.toxwatch.monitoring.domain.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.CatalogueFile;

/** The window sections of the criteria catalogue are the defaults the code applies (CRITERIA.md 9.2 and 10). */
class WindowsCatalogueEntriesTest {

    @Test
    void carTWindowsAreTheDefaultWindows() {
        var defaults = CarTMonitoringWindows.defaults();
        var expected = new TreeMap<String, String>();
        expected.put("window.crs-and-icans", line(defaults.crsAndIcans()));
        expected.put("window.intensive", line(defaults.intensive()));
        expected.put("window.icaht-early", line(CarTMonitoringWindows.ICAHT_EARLY));
        expected.put("window.icaht-late", line(CarTMonitoringWindows.ICAHT_LATE));
        for (var label : defaults.labels()) {
            var version = label.effectiveFrom() == null
                    ? "earliest"
                    : label.effectiveFrom().toString();
            for (int i = 0; i < label.windows().size(); i++) {
                expected.put(
                        "label.%s.%s.%d".formatted(label.product(), version, i + 1),
                        line(label.windows().get(i)));
            }
        }

        assertThat(CatalogueFile.section("car-t.")).isEqualTo(expected);
    }

    @Test
    void blinatumomabSupervisionIsWhatTheWindowsApply() {
        assertThat(CatalogueFile.section("blincyto.supervision."))
                .isEqualTo(Map.of(
                        "cycle-1-hospitalization-days",
                        String.valueOf(BlinatumomabSupervision.CYCLE_1_HOSPITALIZATION_DAYS),
                        "cycle-2-hospitalization-days",
                        String.valueOf(BlinatumomabSupervision.CYCLE_2_HOSPITALIZATION_DAYS),
                        "new-cycle-after-stop-longer-than-days",
                        String.valueOf(BlinatumomabSupervision.NEW_CYCLE_AFTER_STOP_OF_MORE_THAN.toDays()),
                        "restart-after-interruption-of-at-least-hours",
                        String.valueOf(BlinatumomabSupervision.SUPERVISED_RESTART_AFTER_STOP_OF_AT_LEAST.toHours()),
                        "supervised-hours",
                        String.valueOf(BlinatumomabSupervision.SUPERVISION_HOURS)));
    }

    private static String line(WindowDefinition window) {
        return "%d-%d|%s|%s|%s"
                .formatted(window.firstDay(), window.lastDay(), window.highIntensity(), window.name(), window.source());
    }
}
