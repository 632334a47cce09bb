package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.ReferenceRangeSource;

/** CRITERIA.md 1.1 and 2.1: low-direction terms with an LLN grade and absolute grades below it. */
class LowDirectionBandsTest {

    private static final LowDirectionBands PLATELETS = LowDirectionBands.of(1, "10*9/L", "75.0", "50.0", "25.0");
    private static final LowDirectionBands LYMPHOCYTES = LowDirectionBands.of(1, "10*9/L", "0.8", "0.5", "0.2");
    private static final LowDirectionBands POTASSIUM = LowDirectionBands.of(2, "mmol/L", "3.0", "2.5");

    private static GradeLadder graded(LowDirectionBands bands, String value, @Nullable String lln) {
        var ladder = new GradeLadder();
        bands.addTo(ladder, quantity(value, bands.unit()), lln == null ? null : limit(lln, bands.unit()));
        return ladder;
    }

    private static Quantity quantity(String value, String unit) {
        return Quantity.canonical(new BigDecimal(value), unit);
    }

    private static ReferenceLimit limit(String value, String unit) {
        return new ReferenceLimit(quantity(value, unit), ReferenceRangeSource.REPORTED);
    }

    @ParameterizedTest(name = "platelets {0} with LLN 150 -> grade {1}")
    @CsvSource({
        // the worked example of CRITERIA.md 1.1
        "150,   0",
        "149.9, 1",
        "75.0,  1",
        "74.9,  2",
        "50.0,  2",
        "49.9,  3",
        "25.0,  3",
        "24.9,  4",
    })
    void includesTheLowerEndOfEachRangeAndExcludesTheUpperEnd(String value, int grade) {
        assertThat(graded(PLATELETS, value, "150").grade()).isEqualTo(grade);
    }

    @ParameterizedTest(name = "potassium {0} with LLN 3.5 -> grade {1}")
    @CsvSource({"3.5, 0", "3.49, 2", "3.0, 2", "2.99, 3", "2.5, 3", "2.49, 4"})
    void startsAtTheGivenLlnGrade(String value, int grade) {
        assertThat(graded(POTASSIUM, value, "3.5").grade()).isEqualTo(grade);
    }

    @Test
    void letsAnAbsoluteGradeWinOverAnLlnBelowTheValue() {
        assertThat(graded(LYMPHOCYTES, "0.75", "0.70").grade()).isEqualTo(2);
    }

    @Test
    void writesEveryConditionAsTheCriteriaTableDoes() {
        assertThat(graded(PLATELETS, "60", "150").thresholds())
                .containsExactly(
                        new AppliedThreshold(4, "v < 25.0 10*9/L", false),
                        new AppliedThreshold(3, "25.0 <= v < 50.0 10*9/L", false),
                        new AppliedThreshold(2, "50.0 <= v < 75.0 10*9/L", true),
                        new AppliedThreshold(1, "v < LLN and v >= 75.0 10*9/L; LLN = 150 10*9/L", false));
    }

    @Test
    void neverMeetsTheLlnGradeWithoutAnLln() {
        var ladder = graded(PLATELETS, "100", null);

        assertThat(ladder.grade()).isZero();
        assertThat(ladder.thresholds().getLast())
                .isEqualTo(new AppliedThreshold(1, "v < LLN and v >= 75.0 10*9/L; LLN unknown", false));
    }

    @Test
    void writesTheNormalConditionWithTheLimitUsed() {
        assertThat(PLATELETS.normalCondition(limit("150", "10*9/L"))).isEqualTo("v >= LLN; LLN = 150 10*9/L");
        assertThat(PLATELETS.normalCondition(null)).isEqualTo("v >= LLN; LLN unknown");
    }

    @Test
    void rejectsFloorsThatDoNotDescendWithSeverity() {
        assertThatIllegalArgumentException().isThrownBy(() -> LowDirectionBands.of(1, "g/dL", "8.0", "10.0"));
        assertThatIllegalArgumentException().isThrownBy(() -> LowDirectionBands.of(1, "g/dL"));
    }
}
