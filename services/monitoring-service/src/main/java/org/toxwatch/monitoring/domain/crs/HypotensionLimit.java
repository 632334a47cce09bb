package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;

/**
 * The hypotension definition of CRITERIA.md 4.4 that applies to one patient at one assessment (see
 * {@link HypotensionLimits}): strictly below, so a pressure at the limit is not hypotension.
 *
 * @param meanArterialBelow the MAP limit; adults only, absent for children (4.4 has none for them)
 * @param age the age the limit was chosen for; absent when no birth date is known
 */
public record HypotensionLimit(
        Band band,
        BigDecimal systolicBelow,
        @Nullable BigDecimal meanArterialBelow,
        @Nullable AgeAtAssessment age) {

    /** The CRITERIA.md 4.4 band a limit comes from, and the source the assessment names. */
    public enum Band {
        NEONATE("PALS"),
        INFANT("PALS"),
        CHILD("PALS"),
        OLDER_CHILD("PALS"),
        ADULT("adult"),
        AGE_UNKNOWN("adult");

        private final String source;

        Band(String source) {
            this.source = source;
        }
    }

    public HypotensionLimit {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(systolicBelow, "systolicBelow");
    }

    /** Whether the reading is below the limit: its systolic, or for an adult its MAP. */
    public boolean isMetBy(@Nullable BigDecimal systolicMmHg, @Nullable BigDecimal meanArterialMmHg) {
        return (systolicMmHg != null && systolicMmHg.compareTo(systolicBelow) < 0)
                || (meanArterialBelow != null
                        && meanArterialMmHg != null
                        && meanArterialMmHg.compareTo(meanArterialBelow) < 0);
    }

    /**
     * The definition as the assessment names it, with the age it was chosen for: {@code systolic < 82 mmHg (PALS,
     * age 6 years)}, {@code systolic < 90 mmHg or MAP < 65 mmHg (age unknown — adult thresholds)}.
     */
    public String condition() {
        var threshold = "systolic < " + systolicBelow.toPlainString() + " mmHg"
                + (meanArterialBelow == null ? "" : " or MAP < " + meanArterialBelow.toPlainString() + " mmHg");
        return AgeNote.condition(threshold, band.source, Optional.ofNullable(age));
    }
}
