package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;

/**
 * CRITERIA.md 4.4, ToxWatch's hypotension definition (ASTCT 2019 gives none); the section makes the values
 * configurable, so these are the hospital's, defaulting to 4.4's. Adults (18 years and older): systolic below
 * {@code adultSystolicBelow} or MAP below {@code adultMeanArterialBelow}. Children: systolic below the PALS limit for
 * the age on the day of the assessment. 4.4 gives children no MAP criterion and none is invented: a child's MAP is
 * evidence, never hypotension by itself. Without a birth date the adult limits apply, and say so.
 *
 * <p>The age bands, by the age in completed days, months and years on the hospital's calendar day:
 *
 * <ul>
 *   <li>neonate, the first 28 days (days 0-27): {@code neonateSystolicBelow} (60);
 *   <li>1-12 months, from day 28 to the day before the first birthday: {@code infantSystolicBelow} (70);
 *   <li>1-10 years, from the first birthday to the day before the eleventh: {@code childSystolicBase} +
 *       {@code childSystolicPerYear} x completed years (70 + 2 x age); at 10 years 0 days that is 90, the limit above
 *       10 years, so the two bands meet without a step;
 *   <li>above 10 years, from the eleventh birthday to the day before the eighteenth: {@code olderChildSystolicBelow}
 *       (90).
 * </ul>
 *
 * The PALS formula reads "age in years" as completed years, the age a clinician states.
 */
public record HypotensionLimits(
        BigDecimal adultSystolicBelow,
        BigDecimal adultMeanArterialBelow,
        BigDecimal neonateSystolicBelow,
        BigDecimal infantSystolicBelow,
        BigDecimal childSystolicBase,
        BigDecimal childSystolicPerYear,
        BigDecimal olderChildSystolicBelow) {

    /** CRITERIA.md 4.4: the neonatal period is the first 28 days. */
    static final int NEONATE_UNTIL_DAYS = 28;

    /** CRITERIA.md 4.4: the 70 + 2 x age formula runs to 10 years. */
    static final int FORMULA_UNTIL_YEARS = 10;

    public HypotensionLimits {
        Objects.requireNonNull(adultSystolicBelow, "adultSystolicBelow");
        Objects.requireNonNull(adultMeanArterialBelow, "adultMeanArterialBelow");
        Objects.requireNonNull(neonateSystolicBelow, "neonateSystolicBelow");
        Objects.requireNonNull(infantSystolicBelow, "infantSystolicBelow");
        Objects.requireNonNull(childSystolicBase, "childSystolicBase");
        Objects.requireNonNull(childSystolicPerYear, "childSystolicPerYear");
        Objects.requireNonNull(olderChildSystolicBelow, "olderChildSystolicBelow");
    }

    /** CRITERIA.md 4.4 as written. */
    public static HypotensionLimits defaults() {
        return new HypotensionLimits(
                new BigDecimal("90"),
                new BigDecimal("65"),
                new BigDecimal("60"),
                new BigDecimal("70"),
                new BigDecimal("70"),
                new BigDecimal("2"),
                new BigDecimal("90"));
    }

    /** The limit for a patient of {@code age} on the assessment's day; the adult one when the age is unknown. */
    public HypotensionLimit forAge(Optional<AgeAtAssessment> age) {
        if (age.isEmpty()) {
            return new HypotensionLimit(
                    HypotensionLimit.Band.AGE_UNKNOWN, adultSystolicBelow, adultMeanArterialBelow, null);
        }
        var known = age.get();
        if (!known.child()) {
            return new HypotensionLimit(HypotensionLimit.Band.ADULT, adultSystolicBelow, adultMeanArterialBelow, known);
        }
        if (known.days() < NEONATE_UNTIL_DAYS) {
            return new HypotensionLimit(HypotensionLimit.Band.NEONATE, neonateSystolicBelow, null, known);
        }
        if (known.completedYears() < 1) {
            return new HypotensionLimit(HypotensionLimit.Band.INFANT, infantSystolicBelow, null, known);
        }
        if (known.completedYears() <= FORMULA_UNTIL_YEARS) {
            var limit =
                    childSystolicBase.add(childSystolicPerYear.multiply(BigDecimal.valueOf(known.completedYears())));
            return new HypotensionLimit(HypotensionLimit.Band.CHILD, limit, null, known);
        }
        return new HypotensionLimit(HypotensionLimit.Band.OLDER_CHILD, olderChildSystolicBelow, null, known);
    }
}
