package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.crs.CytokineReleaseSyndrome;
import org.toxwatch.monitoring.domain.dosing.BlincytoAction;
import org.toxwatch.monitoring.domain.liversignals.VodSosWatch;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.DefaultReferenceRange;
import org.toxwatch.monitoring.domain.units.Sex;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;

/**
 * The criteria catalogue resource is what the rules apply: its version is the one assessments name, and each of
 * its sections is compared with the code (here, and in the *CatalogueEntriesTest of the rule packages).
 */
class CriteriaCatalogueTest {

    @Test
    void assessmentsNameTheVersionOfTheResource() {
        assertThat(CriteriaCatalogue.VERSION)
                .isEqualTo(CatalogueFile.entries().get("version"))
                .matches("\\d{4}\\.\\d{2}-\\d+");
    }

    @Test
    void everySectionOfTheFileIsOneTheTestsCompareWithTheCode() {
        assertThat(CatalogueFile.entries().keySet())
                .allMatch(key -> key.equals("version")
                        || Arrays.stream(new String[] {
                                    "baseline.", "default-range.", "crs.", "icans.", "blincyto.", "car-t.", "vod."
                                })
                                .anyMatch(key::startsWith));
    }

    @Test
    void defaultRangesAreThoseOfTheAnalytes() {
        var expected = new TreeMap<String, String>();
        for (var analyte : Analyte.values()) {
            var range = analyte.defaultRange();
            if (range.lower() != null || range.upper() != null) {
                expected.put(analyte.name(), describe(range, analyte.canonicalUnit()));
            }
        }
        expected.put("HEMOGLOBIN.female", describe(Analyte.HEMOGLOBIN.defaultRange(Sex.FEMALE), "g/dL"));
        expected.put("HEMOGLOBIN.male", describe(Analyte.HEMOGLOBIN.defaultRange(Sex.MALE), "g/dL"));

        assertThat(CatalogueFile.section("default-range.")).isEqualTo(expected);
    }

    @Test
    void baselineCrsWindowsAndTheVodWatchAreThoseOfTheGrader() {
        assertThat(CatalogueFile.section("baseline."))
                .isEqualTo(Map.of("lookback-days", days(PatientState.BASELINE_LOOKBACK.toDays())));
        assertThat(CatalogueFile.section("crs."))
                .containsEntry(
                        "temperature-window-hours",
                        String.valueOf(CytokineReleaseSyndrome.CRS_TEMPERATURE_WINDOW.toHours()))
                .containsEntry(
                        "blinatumomab-after-stop-hours",
                        String.valueOf(CytokineReleaseSyndrome.BLINATUMOMAB_CRS_AFTER_STOP.toHours()));
        assertThat(CatalogueFile.section("vod."))
                .isEqualTo(Map.of("watch-after-last-dose-days", days(VodSosWatch.VOD_WATCH_AFTER_LAST_DOSE.toDays())));
        assertThat(CatalogueFile.entries())
                .containsEntry(
                        "blincyto.action.active-until-stopped-longer-than-days",
                        days(BlincytoAction.BLINATUMOMAB_TREATMENT_FREE_INTERVAL.toDays()));
    }

    @Test
    void theCarTCrsWindowIsTheOneThatEndsCrsGrading() {
        var crsWindow = CarTMonitoringWindows.defaults().crsAndIcans();

        assertThat(CatalogueFile.entries().get("car-t.window.crs-and-icans"))
                .startsWith(crsWindow.firstDay() + "-" + crsWindow.lastDay() + "|");
        assertThat(GradingSettings.defaults().carTWindows().crsAndIcans()).isEqualTo(crsWindow);
    }

    private static String describe(DefaultReferenceRange range, String unit) {
        return plain(range.lower()) + " to " + plain(range.upper()) + " " + unit;
    }

    private static String plain(@Nullable BigDecimal limit) {
        return limit == null ? "-" : limit.toPlainString();
    }

    private static String days(long days) {
        return String.valueOf(days);
    }
}
