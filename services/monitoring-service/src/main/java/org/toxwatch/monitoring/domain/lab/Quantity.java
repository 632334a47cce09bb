package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.Observation;

/**
 * A value in its canonical unit, remembering how the laboratory reported it.
 *
 * <p>CRITERIA.md 1.1: convert before comparing, except that a value compared with a multiple of a limit or
 * baseline reported in the <em>same</em> unit is compared in that unit, because an approximate conversion
 * (a division) can break an exact tie: 31.5 umol/L is exactly 1.5 x 21 umol/L and must stay grade 1.
 *
 * <p>A censored result ({@code <0.1}) keeps its comparator, and is never compared as if the bound were the
 * value: a rule sees it at one {@link Probe} at a time, one end of the set of values it allows (see
 * {@link #ends()}), and every comparison honours the probe.
 *
 * @param comparator present for a censored result: the true value lies beyond {@code value} on that side
 * @param probe where comparisons take a censored value; {@link Probe#AT} for an exact one
 */
public record Quantity(
        BigDecimal value,
        String unit,
        BigDecimal reportedValue,
        String reportedUnit,
        @Nullable ValueComparator comparator,
        Probe probe) {

    private static final MathContext DISPLAY = new MathContext(4);
    private static final int DISPLAY_PRECISION_LIMIT = 8;

    /** An exact value. */
    public Quantity(BigDecimal value, String unit, BigDecimal reportedValue, String reportedUnit) {
        this(value, unit, reportedValue, reportedUnit, null, Probe.AT);
    }

    /** A quantity that was never in another unit, e.g. a default limit or a computed corrected calcium. */
    public static Quantity canonical(BigDecimal value, String unit) {
        return new Quantity(value, unit, value, unit);
    }

    public static Quantity of(Observation observation) {
        return new Quantity(
                observation.value(), observation.unit(), observation.reportedValue(), observation.reportedUnit());
    }

    /** The same quantity, censored by {@code comparator} (none: exact) and taken at {@code probe}. */
    public Quantity censored(@Nullable ValueComparator comparator, Probe probe) {
        return new Quantity(value, unit, reportedValue, reportedUnit, comparator, probe);
    }

    public boolean isCensored() {
        return comparator != null;
    }

    /**
     * The probes at which a rule must look to know every grade this quantity allows: itself when exact; for
     * {@code <b} below everything and just below b; {@code <=b} below everything and b; {@code >a} just above a
     * and above everything; {@code >=a} a and above everything. Every rule's grade moves one way with the
     * value, so the grades at these two ends bound the grade of every value in between.
     */
    public List<Probe> ends() {
        if (comparator == null) {
            return List.of(Probe.AT);
        }
        return switch (comparator) {
            case LESS_THAN -> List.of(Probe.BELOW_ALL, Probe.JUST_BELOW);
            case LESS_OR_EQUAL -> List.of(Probe.BELOW_ALL, Probe.AT);
            case GREATER_THAN -> List.of(Probe.JUST_ABOVE, Probe.ABOVE_ALL);
            case GREATER_OR_EQUAL -> List.of(Probe.AT, Probe.ABOVE_ALL);
        };
    }

    /**
     * {@code this + offset + factor x other} in the canonical unit, e.g. a calcium corrected for albumin. A
     * censored term keeps the sum censored: on the same side for a positive factor, the other side for a negative one.
     */
    public Quantity plusScaled(BigDecimal offset, BigDecimal factor, Quantity other) {
        var sum = value.add(offset).add(factor.multiply(other.value));
        var negative = factor.signum() < 0;
        var otherProbe = negative ? other.probe.negated() : other.probe;
        var otherComparator = other.comparator == null || !negative ? other.comparator : flipped(other.comparator);
        return new Quantity(
                sum, unit, sum, unit, comparator != null ? comparator : otherComparator, probe.plus(otherProbe));
    }

    private static ValueComparator flipped(ValueComparator comparator) {
        return switch (comparator) {
            case LESS_THAN -> ValueComparator.GREATER_THAN;
            case LESS_OR_EQUAL -> ValueComparator.GREATER_OR_EQUAL;
            case GREATER_THAN -> ValueComparator.LESS_THAN;
            case GREATER_OR_EQUAL -> ValueComparator.LESS_OR_EQUAL;
        };
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
            return probe.compare(reportedValue.compareTo(other.reportedValue.multiply(factor)), other.probe);
        }
        return probe.compare(value.compareTo(other.value.multiply(factor)), other.probe);
    }

    /** The sign of {@code this - other}, with the same-unit rule of {@link #compareToMultiple}. */
    public int compareTo(Quantity other) {
        return compareToMultiple(BigDecimal.ONE, other);
    }

    /** The sign of {@code this - threshold}, the threshold being in the canonical unit. */
    public int compareToCanonical(BigDecimal threshold) {
        return probe.compare(value.compareTo(threshold), Probe.AT);
    }

    /**
     * E.g. {@code 400 /uL (0.4 10*9/L)}, or {@code 0.4 10*9/L} when reported canonically; a censored value with its
     * comparator, {@code <0.1 10*9/L}, wherever it is probed.
     */
    public String display() {
        var sign = comparator == null ? "" : comparator.symbol();
        if (reportedUnit.equals(unit) && reportedValue.compareTo(value) == 0) {
            return sign + number(reportedValue) + " " + reportedUnit;
        }
        return sign + number(reportedValue) + " " + reportedUnit + " (" + sign + number(value.stripTrailingZeros())
                + " " + unit + ")";
    }

    /** Plain notation; a long quotient from a division is shortened to 4 significant digits for reading. */
    static String number(BigDecimal number) {
        if (number.precision() > DISPLAY_PRECISION_LIMIT) {
            return number.round(DISPLAY).stripTrailingZeros().toPlainString();
        }
        return number.toPlainString();
    }
}
