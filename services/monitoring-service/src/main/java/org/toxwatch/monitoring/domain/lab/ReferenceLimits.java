package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Sex;
import org.toxwatch.monitoring.domain.units.UnitConversion;

/**
 * The LLN and ULN a result is graded against (CRITERIA.md 1.3): each limit the laboratory reported with the
 * result, converted to the canonical unit, else the adult default of 13.4, from the patient's sex row where 13.4
 * has one. A one-sided reported range (e.g. {@code <40}) supplies only its own limit; the other one falls back to
 * the default, and is absent when 13.4 has none. A rule that needs an absent limit makes the result not
 * assessable.
 *
 * @param sex the patient's sex the defaults were chosen by
 */
public record ReferenceLimits(
        @Nullable ReferenceLimit lower, @Nullable ReferenceLimit upper, Sex sex) {

    /** Limits of a patient of unknown sex. */
    public ReferenceLimits(@Nullable ReferenceLimit lower, @Nullable ReferenceLimit upper) {
        this(lower, upper, Sex.UNKNOWN);
    }

    /** Limits for a result of {@code analyte} reported in {@code reportedUnit}, for a patient of unknown sex. */
    public static ReferenceLimits resolve(Analyte analyte, @Nullable ReferenceRange reported, String reportedUnit) {
        return resolve(analyte, reported, reportedUnit, Sex.UNKNOWN);
    }

    /**
     * @throws org.toxwatch.monitoring.domain.units.UnknownUnitException if {@code reportedUnit} is not a unit
     *     of the analyte; convert the value first
     */
    public static ReferenceLimits resolve(
            Analyte analyte, @Nullable ReferenceRange reported, String reportedUnit, Sex sex) {
        var defaults = analyte.defaultRange(sex);
        return new ReferenceLimits(
                limit(analyte, reported == null ? null : reported.low(), reportedUnit, defaults.lower()),
                limit(analyte, reported == null ? null : reported.high(), reportedUnit, defaults.upper()),
                sex);
    }

    private static @Nullable ReferenceLimit limit(
            Analyte analyte, @Nullable BigDecimal reported, String reportedUnit, @Nullable BigDecimal fallback) {
        if (reported != null) {
            var canonical = UnitConversion.toCanonical(analyte, reported, reportedUnit);
            return new ReferenceLimit(
                    new Quantity(canonical, analyte.canonicalUnit(), reported, reportedUnit),
                    ReferenceRangeSource.REPORTED);
        }
        if (fallback != null) {
            return new ReferenceLimit(
                    Quantity.canonical(fallback, analyte.canonicalUnit()), ReferenceRangeSource.DEFAULT);
        }
        return null;
    }
}
