package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import org.toxwatch.monitoring.domain.Observation;

/**
 * A value in its canonical unit, remembering how the laboratory reported it.
 *
 * <p>CRITERIA.md 1.1: convert before comparing, except that a value compared with a multiple of a limit or
 * baseline reported in the <em>same</em> unit is compared in that unit, because an approximate conversion
 * (a division) can break an exact tie: 31.5 umol/L is exactly 1.5 x 21 umol/L and must stay grade 1.
 */
public record Quantity(BigDecimal value, String unit, BigDecimal reportedValue, String reportedUnit) {

    private static final MathContext DISPLAY = new MathContext(4);
    private static final int DISPLAY_PRECISION_LIMIT = 8;

    /** A quantity that was never in another unit, e.g. a default limit or a computed corrected calcium. */
    public static Quantity canonical(BigDecimal value, String unit) {
        return new Quantity(value, unit, value, unit);
    }

    public static Quantity of(Observation observation) {
        return new Quantity(
                observation.value(), observation.unit(), observation.reportedValue(), observation.reportedUnit());
    }

    /**
     * The sign of {@code this - factor x other}: in the shared reported unit when both were reported in the
     * same unit, otherwise in the canonical unit. The threshold is multiplied, never the value divided.
     */
    public int compareToMultiple(BigDecimal factor, Quantity other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot compare " + unit + " with " + other.unit);
        }
        if (reportedUnit.equals(other.reportedUnit)) {
            return reportedValue.compareTo(other.reportedValue.multiply(factor));
        }
        return value.compareTo(other.value.multiply(factor));
    }

    /** The sign of {@code this - other}, with the same-unit rule of {@link #compareToMultiple}. */
    public int compareTo(Quantity other) {
        return compareToMultiple(BigDecimal.ONE, other);
    }

    /** The sign of {@code this - threshold}, the threshold being in the canonical unit. */
    public int compareToCanonical(BigDecimal threshold) {
        return value.compareTo(threshold);
    }

    /** E.g. {@code 400 /uL (0.4 10*9/L)}, or {@code 0.4 10*9/L} when reported canonically. */
    public String display() {
        if (reportedUnit.equals(unit) && reportedValue.compareTo(value) == 0) {
            return number(reportedValue) + " " + reportedUnit;
        }
        return number(reportedValue) + " " + reportedUnit + " (" + number(value.stripTrailingZeros()) + " " + unit
                + ")";
    }

    /** Plain notation; a long quotient from a division is shortened to 4 significant digits for reading. */
    static String number(BigDecimal number) {
        if (number.precision() > DISPLAY_PRECISION_LIMIT) {
            return number.round(DISPLAY).stripTrailingZeros().toPlainString();
        }
        return number.toPlainString();
    }
}
