package org.toxwatch.benchmark.report;

import java.util.List;

/** Minimum, median and maximum of one figure over the rounds of a run. */
public record Spread(double min, double median, double max) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Spread(sorted.getFirst(), median, sorted.getLast());
    }
}
