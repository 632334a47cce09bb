package org.toxwatch.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Nested
    class Spreads {

        @Test
        void anOddNumberOfRoundsHasItsMiddleValueAsMedian() {
            assertThat(Spread.of(List.of(30.0, 10.0, 20.0))).isEqualTo(new Spread(10, 20, 30));
        }

        @Test
        void anEvenNumberOfRoundsHasTheMeanOfItsTwoMiddleValuesAsMedian() {
            assertThat(Spread.of(List.of(40.0, 10.0, 20.0, 30.0))).isEqualTo(new Spread(10, 25, 40));
        }

        @Test
        void oneRoundIsItsOwnMinimumMedianAndMaximum() {
            assertThat(Spread.of(List.of(7.0))).isEqualTo(new Spread(7, 7, 7));
        }
    }

    @Test
    void ratiosAreTakenRoundByRoundSoEachRoundIsComparedWithItself() {
        var comparison =
                comparison(List.of(100.0, 50.0, 90.0), List.of(200.0, 50.0, 100.0), new Target.RatioAtLeast(1));

        assertThat(comparison.ratios()).isEqualTo(new Spread(0.5, 0.9, 1.0));
        assertThat(comparison.toxwatchFigures()).isEqualTo(new Spread(50, 90, 100));
        assertThat(comparison.referenceFigures()).isEqualTo(new Spread(50, 100, 200));
    }

    @Test
    void refusesRoundsWithoutAFigureOnBothSides() {
        assertThatThrownBy(() -> comparison(List.of(1.0, 2.0), List.of(1.0), new Target.RatioAtLeast(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class TargetsAreJudgedOnTheMedian {

        @Test
        void aThroughputRatioAtOrAboveItsTargetIsMet() {
            var atTarget =
                    comparison(List.of(50.0, 40.0, 60.0), List.of(100.0, 100.0, 100.0), new Target.RatioAtLeast(0.5));

            assertThat(atTarget.verdict()).isEqualTo("met");
        }

        @Test
        void aThroughputRatioBelowItsTargetSaysHowManyTimesMoreIsNeeded() {
            var short4x =
                    comparison(List.of(10.0, 20.0, 30.0), List.of(160.0, 160.0, 160.0), new Target.RatioAtLeast(0.5));

            assertThat(short4x.verdict()).isEqualTo("not met: needs 4.0× more");
        }

        @Test
        void aLatencyRatioAtOrBelowItsLimitIsMet() {
            var atLimit = comparison(List.of(150.0), List.of(100.0), new Target.RatioAtMost(1.5));

            assertThat(atLimit.verdict()).isEqualTo("met");
        }

        @Test
        void aLatencyRatioAboveItsLimitSaysHowManyTimesLessIsNeeded() {
            var twiceTheLimit = comparison(List.of(300.0), List.of(100.0), new Target.RatioAtMost(1.5));

            assertThat(twiceTheLimit.verdict()).isEqualTo("not met: needs 2.0× less");
        }

        @Test
        void anAbsoluteTargetIgnoresTheReference() {
            var target = new Target.ValueAtLeast(2_000);

            assertThat(comparison(List.of(2_000.0), List.of(1.0), target).verdict())
                    .isEqualTo("met");
            assertThat(comparison(List.of(500.0), List.of(1_000_000.0), target).verdict())
                    .isEqualTo("not met: needs 4.0× more");
        }
    }

    private static Comparison comparison(List<Double> toxwatch, List<Double> reference, Target target) {
        return new Comparison("stage", "reference", "msg/s", toxwatch, reference, target);
    }
}
