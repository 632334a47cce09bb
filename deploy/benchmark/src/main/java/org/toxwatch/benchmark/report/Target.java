package org.toxwatch.benchmark.report;

import java.util.Locale;

/**
 * A target of issue 11, judged on the median of the rounds: a ratio to the reference measured in the same run, or
 * an absolute figure where the issue sets one.
 */
public sealed interface Target {

    String describe();

    /** "met", or how far the median is from the target, as a factor. */
    String verdict(Comparison comparison);

    /** ToxWatch's figure at least {@code ratio} times the reference's. */
    record RatioAtLeast(double ratio) implements Target {
        @Override
        public String describe() {
            return format("≥ %.2f× the reference", ratio);
        }

        @Override
        public String verdict(Comparison comparison) {
            double measured = comparison.ratios().median();
            return measured >= ratio ? "met" : format("not met: needs %.1f× more", ratio / measured);
        }
    }

    /** ToxWatch's figure (a latency) at most {@code ratio} times the reference's. */
    record RatioAtMost(double ratio) implements Target {
        @Override
        public String describe() {
            return format("≤ %.2f× the reference", ratio);
        }

        @Override
        public String verdict(Comparison comparison) {
            double measured = comparison.ratios().median();
            return measured <= ratio ? "met" : format("not met: needs %.1f× less", measured / ratio);
        }
    }

    /** ToxWatch's figure at least {@code value} in the comparison's unit, whatever the reference does. */
    record ValueAtLeast(double value) implements Target {
        @Override
        public String describe() {
            return format("≥ %,.0f", value);
        }

        @Override
        public String verdict(Comparison comparison) {
            double measured = comparison.toxwatchFigures().median();
            return measured >= value ? "met" : format("not met: needs %.1f× more", value / measured);
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
