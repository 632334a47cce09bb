package org.toxwatch.alerting.console.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis a clinician reads at a glance: ticks one step apart, the step 1, 2 or 5 times a power of ten
 * ("nice numbers", Heckbert, Graphics Gems 1990), the axis running from a tick to a tick around every value.
 *
 * @param ticks from {@code low} to {@code high}, exact decimals (0.1 is 0.1, never 0.30000000000000004)
 */
public record ValueScale(BigDecimal low, BigDecimal high, BigDecimal step, List<BigDecimal> ticks) {

    public ValueScale {
        ticks = List.copyOf(ticks);
    }

    /**
     * The axis for values from {@code min} to {@code max} with at most {@code maxTicks} ticks (at least 3). A single
     * value gets an axis around it; an axis over values that are all zero or more never goes below zero.
     */
    public static ValueScale around(BigDecimal min, BigDecimal max, int maxTicks) {
        if (maxTicks < 3) {
            throw new IllegalArgumentException("at least 3 ticks");
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min above max");
        }
        BigDecimal low = min, high = max;
        if (low.compareTo(high) == 0) {
            BigDecimal half = low.signum() == 0 ? BigDecimal.ONE : low.abs().divide(BigDecimal.TEN);
            low = low.subtract(half);
            high = high.add(half);
            if (min.signum() >= 0 && low.signum() < 0) {
                low = BigDecimal.ZERO;
            }
        }
        BigDecimal step = nice(high.subtract(low).divide(BigDecimal.valueOf(maxTicks - 1L), 12, RoundingMode.UP));
        while (true) {
            BigDecimal first = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
            BigDecimal last = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
            int count = last.subtract(first)
                            .divide(step, 0, RoundingMode.UNNECESSARY)
                            .intValueExact()
                    + 1;
            if (count <= maxTicks) {
                var ticks = new ArrayList<BigDecimal>();
                for (BigDecimal tick = first; tick.compareTo(last) <= 0; tick = tick.add(step)) {
                    ticks.add(plain(tick));
                }
                return new ValueScale(plain(first), plain(last), plain(step), ticks);
            }
            step = nice(step.add(step.ulp()));
        }
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code rough}. */
    static BigDecimal nice(BigDecimal rough) {
        BigDecimal power = BigDecimal.ONE.movePointRight(rough.precision() - rough.scale() - 1);
        for (int mantissa : new int[] {1, 2, 5, 10}) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(mantissa));
            if (candidate.compareTo(rough) >= 0) {
                return plain(candidate);
            }
        }
        throw new IllegalStateException("unreachable: 10 x the power of ten of a number is above it");
    }

    /** Without trailing zeros and never in exponent form: 100, not 1E+2. */
    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
