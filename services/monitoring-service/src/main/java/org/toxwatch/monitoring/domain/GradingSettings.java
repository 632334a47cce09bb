package org.toxwatch.monitoring.domain;

import java.util.Objects;
import org.toxwatch.monitoring.domain.crs.HypotensionLimits;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;

/**
 * The configurable choices of the criteria catalogue that CRITERIA.md leaves to the hospital.
 *
 * @param blincytoGradingSystem which grades feed the BLINCYTO action rules (9, A-14)
 * @param carTWindows the CAR-T monitoring windows (10); the CRS and ICANS window also ends CAR-T CRS grading (4.5)
 * @param hypotensionLimits the CRS hypotension definition by age (4.4)
 */
public record GradingSettings(
        BlincytoGradingSystem blincytoGradingSystem,
        CarTMonitoringWindows carTWindows,
        HypotensionLimits hypotensionLimits) {

    public GradingSettings {
        Objects.requireNonNull(blincytoGradingSystem, "blincytoGradingSystem");
        Objects.requireNonNull(carTWindows, "carTWindows");
        Objects.requireNonNull(hypotensionLimits, "hypotensionLimits");
    }

    /** These choices with the CRITERIA.md 4.4 hypotension limits. */
    public GradingSettings(BlincytoGradingSystem blincytoGradingSystem, CarTMonitoringWindows carTWindows) {
        this(blincytoGradingSystem, carTWindows, HypotensionLimits.defaults());
    }

    /** The ToxWatch defaults of CRITERIA.md. */
    public static GradingSettings defaults() {
        return new GradingSettings(BlincytoGradingSystem.ASTCT_2019, CarTMonitoringWindows.defaults());
    }
}
