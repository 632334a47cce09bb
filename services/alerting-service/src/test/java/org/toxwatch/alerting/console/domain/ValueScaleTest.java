package org.toxwatch.alerting.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueScaleTest {

    @ParameterizedTest(name = "{0}..{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # min  | max   | ticks
            0.08   | 1.8   | 0 0.5 1 1.5 2
            0.31   | 0.4   | 0.3 0.32 0.34 0.36 0.38 0.4
            40     | 278   | 0 50 100 150 200 250 300
            8.1    | 12    | 8 9 10 11 12
            36.6   | 39.4  | 36.5 37 37.5 38 38.5 39 39.5
            0.4    | 0.4   | 0.36 0.38 0.4 0.42 0.44
            0      | 0     | 0 0.2 0.4 0.6 0.8 1
            20     | 180   | 0 50 100 150 200
            1.2    | 4.22  | 1 2 3 4 5
            """)
    void ticksAreOneTwoOrFiveTimesAPowerOfTenAndEncloseEveryValue(String min, String max, String expected) {
        var scale = ValueScale.around(new BigDecimal(min), new BigDecimal(max), 7);

        assertThat(scale.ticks()).extracting(BigDecimal::toPlainString).containsExactly(expected.split(" "));
        assertThat(scale.low()).isLessThanOrEqualTo(new BigDecimal(min));
        assertThat(scale.high()).isGreaterThanOrEqualTo(new BigDecimal(max));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.37, 0.5", "4.22, 5", "1, 1", "45, 50", "100, 100", "0.0123, 0.02", "2.0001, 5"})
    void aNiceStepIsTheSmallestOneTwoOrFiveTimesAPowerOfTenNotBelowTheRoughStep(String rough, String nice) {
        assertThat(ValueScale.nice(new BigDecimal(rough))).isEqualByComparingTo(nice);
    }

    @ParameterizedTest(name = "at most {0}")
    @CsvSource({"3", "5", "7"})
    void neverMoreTicksThanAskedForAndNoneInExponentForm(int maxTicks) {
        for (var range : List.of(List.of("0.08", "7.7"), List.of("12", "999"), List.of("36.1", "41.2"))) {
            var scale = ValueScale.around(new BigDecimal(range.get(0)), new BigDecimal(range.get(1)), maxTicks);

            assertThat(scale.ticks()).hasSizeBetween(2, maxTicks);
            assertThat(scale.ticks())
                    .allSatisfy(tick -> assertThat(tick.toString()).doesNotContain("E"));
        }
    }
}
