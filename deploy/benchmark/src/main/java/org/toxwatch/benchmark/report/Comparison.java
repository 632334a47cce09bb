package org.toxwatch.benchmark.report;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One line of the side-by-side table: a figure of a ToxWatch stage and of its reference, one value of each per
 * round, measured in the same round under the same conditions. Ratios are taken round by round (ToxWatch ÷
 * reference), so a slow round slows both sides of its own ratio rather than another round's.
 */
public record Comparison(
        String stage,
        String reference,
        String unit,
        List<Double> toxwatchRounds,
        List<Double> referenceRounds,
        Target target) {

    public Comparison {
        if (toxwatchRounds.isEmpty() || toxwatchRounds.size() != referenceRounds.size()) {
            throw new IllegalArgumentException(
                    "one value of each side per round: " + toxwatchRounds.size() + " vs " + referenceRounds.size());
        }
        toxwatchRounds = List.copyOf(toxwatchRounds);
        referenceRounds = List.copyOf(referenceRounds);
    }

    public Spread toxwatchFigures() {
        return Spread.of(toxwatchRounds);
    }

    public Spread referenceFigures() {
        return Spread.of(referenceRounds);
    }

    public Spread ratios() {
        return Spread.of(IntStream.range(0, toxwatchRounds.size())
                .mapToObj(round -> toxwatchRounds.get(round) / referenceRounds.get(round))
                .toList());
    }

    public String verdict() {
        return target.verdict(this);
    }
}
