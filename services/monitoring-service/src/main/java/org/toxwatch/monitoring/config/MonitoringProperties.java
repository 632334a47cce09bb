package org.toxwatch.monitoring.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.monitoring.domain.GradingSettings;
import org.toxwatch.monitoring.domain.crs.HypotensionLimits;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;
import org.toxwatch.monitoring.domain.windows.CarTLabelWindows;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;
import org.toxwatch.monitoring.domain.windows.WindowDefinition;

/**
 * Monitoring settings.
 *
 * @param hospitalTimeZone the treating hospital's time zone (default UTC): day numbering after T0 and infusion is by
 *     its calendar (CRITERIA.md 1.5), and so is a patient's age at an assessment, because a child born on the 3rd
 *     turns one on the hospital's 3rd, not on UTC's (near midnight the two differ by a day, and at a PALS band edge
 *     that day changes the hypotension limit, CRITERIA.md 4.4). One zone for both keeps day 0 and the birthday on the
 *     same calendar.
 * @param topicPartitions partitions of the topics monitoring creates
 * @param blincytoGradingSystem which grades feed the BLINCYTO action rules (CRITERIA.md 9, A-14); default ASTCT 2019
 * @param carT CAR-T monitoring windows (CRITERIA.md 10); each part left out keeps its ToxWatch default
 * @param hypotension the CRS hypotension limits by age (CRITERIA.md 4.4, configurable there); each value left out keeps
 *     its CRITERIA.md default
 * @param hospitalZone the earlier name of {@code hospitalTimeZone}, still read; setting both to different zones is
 *     refused
 */
@ConfigurationProperties("toxwatch.monitoring")
public record MonitoringProperties(
        @Nullable ZoneId hospitalTimeZone,
        @Nullable Integer topicPartitions,
        @Nullable BlincytoGradingSystem blincytoGradingSystem,
        @Nullable CarTWindows carT,
        @Nullable Hypotension hypotension,
        @Nullable ZoneId hospitalZone) {

    public MonitoringProperties {
        if (hospitalTimeZone != null && hospitalZone != null && !hospitalTimeZone.equals(hospitalZone)) {
            throw new IllegalArgumentException("toxwatch.monitoring.hospital-time-zone and its earlier name"
                    + " hospital-zone name different zones; set hospital-time-zone only");
        }
        hospitalTimeZone =
                hospitalTimeZone != null ? hospitalTimeZone : hospitalZone != null ? hospitalZone : ZoneId.of("UTC");
        hospitalZone = hospitalTimeZone;
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
        blincytoGradingSystem =
                blincytoGradingSystem == null ? BlincytoGradingSystem.ASTCT_2019 : blincytoGradingSystem;
    }

    /**
     * @param crsAndIcans CRS and ICANS grading window, days after infusion; also ends CAR-T CRS grading
     * @param intensive the intensive monitoring window
     * @param labels the label windows per product and label date; replaces the whole default list when given
     */
    public record CarTWindows(
            @Nullable WindowDefinition crsAndIcans,
            @Nullable WindowDefinition intensive,
            @Nullable List<CarTLabelWindows> labels) {}

    /**
     * CRITERIA.md 4.4 in mmHg: adults (18 years and older) systolic or MAP below theirs; children systolic below the
     * PALS limit, {@code childSystolicBase + childSystolicPerYear x age} from 1 to 10 years.
     */
    public record Hypotension(
            @Nullable BigDecimal adultSystolicBelow,
            @Nullable BigDecimal adultMeanArterialBelow,
            @Nullable BigDecimal neonateSystolicBelow,
            @Nullable BigDecimal infantSystolicBelow,
            @Nullable BigDecimal childSystolicBase,
            @Nullable BigDecimal childSystolicPerYear,
            @Nullable BigDecimal olderChildSystolicBelow) {

        HypotensionLimits limits() {
            var defaults = HypotensionLimits.defaults();
            return new HypotensionLimits(
                    adultSystolicBelow == null ? defaults.adultSystolicBelow() : adultSystolicBelow,
                    adultMeanArterialBelow == null ? defaults.adultMeanArterialBelow() : adultMeanArterialBelow,
                    neonateSystolicBelow == null ? defaults.neonateSystolicBelow() : neonateSystolicBelow,
                    infantSystolicBelow == null ? defaults.infantSystolicBelow() : infantSystolicBelow,
                    childSystolicBase == null ? defaults.childSystolicBase() : childSystolicBase,
                    childSystolicPerYear == null ? defaults.childSystolicPerYear() : childSystolicPerYear,
                    olderChildSystolicBelow == null ? defaults.olderChildSystolicBelow() : olderChildSystolicBelow);
        }
    }

    /** The grading choices with every setting not given at its ToxWatch default. */
    public GradingSettings gradingSettings() {
        var defaults = CarTMonitoringWindows.defaults();
        var windows = carT == null
                ? defaults
                : new CarTMonitoringWindows(
                        carT.crsAndIcans() == null ? defaults.crsAndIcans() : carT.crsAndIcans(),
                        carT.intensive() == null ? defaults.intensive() : carT.intensive(),
                        carT.labels() == null ? defaults.labels() : carT.labels());
        return new GradingSettings(
                blincytoGradingSystem,
                windows,
                hypotension == null ? HypotensionLimits.defaults() : hypotension.limits());
    }
}
