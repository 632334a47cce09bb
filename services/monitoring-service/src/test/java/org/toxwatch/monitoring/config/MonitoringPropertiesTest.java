package org.toxwatch.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.toxwatch.monitoring.domain.GradingSettings;
import org.toxwatch.monitoring.domain.crs.HypotensionLimits;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;

/** The grading choices a hospital configures (CRITERIA.md 9 A-14, 10) bind, and default when left out. */
class MonitoringPropertiesTest {

    private static MonitoringProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("toxwatch.monitoring", MonitoringProperties.class);
    }

    @Test
    void everyGradingChoiceDefaultsToCriteriaMd() {
        var properties = bind(Map.of());

        assertThat(properties.gradingSettings()).isEqualTo(GradingSettings.defaults());
        assertThat(properties.blincytoGradingSystem()).isEqualTo(BlincytoGradingSystem.ASTCT_2019);
    }

    @Test
    void aConfiguredCrsAndIcansWindowReplacesOnlyThatWindow() {
        var properties = bind(Map.of(
                "toxwatch.monitoring.car-t.crs-and-icans.name", "CRS and ICANS grading",
                "toxwatch.monitoring.car-t.crs-and-icans.first-day", "0",
                "toxwatch.monitoring.car-t.crs-and-icans.last-day", "21",
                "toxwatch.monitoring.car-t.crs-and-icans.high-intensity", "false",
                "toxwatch.monitoring.car-t.crs-and-icans.source", "hospital policy"));

        var windows = properties.gradingSettings().carTWindows();

        assertThat(windows.crsAndIcans().lastDay()).isEqualTo(21);
        assertThat(windows.crsAndIcans().source()).isEqualTo("hospital policy");
        assertThat(windows.intensive())
                .isEqualTo(GradingSettings.defaults().carTWindows().intensive());
        assertThat(windows.labels())
                .isEqualTo(GradingSettings.defaults().carTWindows().labels());
    }

    @Test
    void labelWindowsBindByProductAndLabelDate() {
        var properties = bind(Map.of(
                "toxwatch.monitoring.car-t.labels[0].product", "KYMRIAH",
                "toxwatch.monitoring.car-t.labels[0].effective-from", "2025-06-26",
                "toxwatch.monitoring.car-t.labels[0].windows[0].name", "stay near the center",
                "toxwatch.monitoring.car-t.labels[0].windows[0].first-day", "0",
                "toxwatch.monitoring.car-t.labels[0].windows[0].last-day", "14",
                "toxwatch.monitoring.car-t.labels[0].windows[0].high-intensity", "false",
                "toxwatch.monitoring.car-t.labels[0].windows[0].source", "KYMRIAH label 6/2025"));

        var labels = properties.gradingSettings().carTWindows().labels();

        assertThat(labels).singleElement().satisfies(label -> {
            assertThat(label.product()).isEqualTo("KYMRIAH");
            assertThat(label.effectiveFrom()).hasToString("2025-06-26");
            assertThat(label.windows())
                    .singleElement()
                    .extracting(w -> w.lastDay())
                    .isEqualTo(14);
        });
    }

    @Test
    void theHospitalTimeZoneDefaultsToUtcAndBindsUnderItsNameOrItsEarlierOne() {
        assertThat(bind(Map.of()).hospitalTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(bind(Map.of("toxwatch.monitoring.hospital-time-zone", "Europe/Berlin"))
                        .hospitalTimeZone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(bind(Map.of("toxwatch.monitoring.hospital-zone", "Europe/Paris"))
                        .hospitalTimeZone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void twoDifferentHospitalZonesAreRefused() {
        assertThatThrownBy(() -> bind(Map.of(
                        "toxwatch.monitoring.hospital-time-zone", "Europe/Berlin",
                        "toxwatch.monitoring.hospital-zone", "UTC")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHypotensionLimitsDefaultToCriteriaMdAndAConfiguredValueReplacesOnlyItself() {
        var defaults = bind(Map.of()).gradingSettings().hypotensionLimits();
        var configured = bind(Map.of("toxwatch.monitoring.hypotension.older-child-systolic-below", "95"))
                .gradingSettings()
                .hypotensionLimits();

        assertThat(defaults).isEqualTo(HypotensionLimits.defaults());
        assertThat(configured.olderChildSystolicBelow()).isEqualByComparingTo("95");
        assertThat(configured.childSystolicPerYear()).isEqualByComparingTo("2");
        assertThat(configured.adultMeanArterialBelow()).isEqualByComparingTo("65");
    }
}
