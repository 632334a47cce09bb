package org.toxwatch.monitoring.domain;

import java.util.Objects;
import org.toxwatch.monitoring.domain.dosing.BlincytoGradingSystem;

/**
 * The configurable choices of the criteria catalogue that CRITERIA.md leaves to the hospital.
 *
 * @param blincytoGradingSystem which grades feed the BLINCYTO action rules (9, A-14)
 */
public record GradingSettings(BlincytoGradingSystem blincytoGradingSystem) {

    public GradingSettings {
        Objects.requireNonNull(blincytoGradingSystem, "blincytoGradingSystem");
    }

    /** The ToxWatch defaults of CRITERIA.md. */
    public static GradingSettings defaults() {
        return new GradingSettings(BlincytoGradingSystem.ASTCT_2019);
    }
}
