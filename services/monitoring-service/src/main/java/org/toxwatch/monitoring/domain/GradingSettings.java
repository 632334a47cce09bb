package org.toxwatch.monitoring.domain;

import java.util.Objects;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;
import org.toxwatch.monitoring.domain.windows.CarTMonitoringWindows;

/**
 * The configurable choices of the criteria catalogue that CRITERIA.md leaves to the hospital.
 *
 * @param blincytoGradingSystem which grades feed the BLINCYTO action rules (9, A-14)
 * @param carTWindows the CAR-T monitoring windows (10); the CRS and ICANS window also ends CAR-T CRS grading (4.5)
 */
public record GradingSettings(BlincytoGradingSystem blincytoGradingSystem, CarTMonitoringWindows carTWindows) {

    public GradingSettings {
        Objects.requireNonNull(blincytoGradingSystem, "blincytoGradingSystem");
        Objects.requireNonNull(carTWindows, "carTWindows");
    }

    /** The ToxWatch defaults of CRITERIA.md. */
    public static GradingSettings defaults() {
        return new GradingSettings(BlincytoGradingSystem.ASTCT_2019, CarTMonitoringWindows.defaults());
    }
}
