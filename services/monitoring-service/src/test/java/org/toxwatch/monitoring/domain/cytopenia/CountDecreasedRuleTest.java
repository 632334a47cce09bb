package org.toxwatch.monitoring.domain.cytopenia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientEvents;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.ReferenceLimits;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.5: neutrophil, platelet, white blood cell and lymphocyte counts decreased, CTCAE v5.0. */
class CountDecreasedRuleTest {

    private static CountDecreasedRule ruleFor(Analyte analyte) {
        return switch (analyte) {
            case ANC -> CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED;
            case PLATELETS -> CountDecreasedRule.PLATELET_COUNT_DECREASED;
            case WBC -> CountDecreasedRule.WHITE_BLOOD_CELL_DECREASED;
            case LYMPHOCYTES -> CountDecreasedRule.LYMPHOCYTE_COUNT_DECREASED;
            default -> throw new IllegalArgumentException(analyte.name());
        };
    }

    private static Assessment grade(Analyte analyte, String value, String unit, @Nullable String lln) {
        return ruleFor(analyte).assess(result(analyte, value, unit, lln, null));
    }

    @ParameterizedTest(name = "{0} {1} 10*9/L with LLN {2} -> grade {3}")
    @CsvSource({
        // ANC: grade 1 <LLN - 1.5, grade 2 <1.5 - 1.0, grade 3 <1.0 - 0.5, grade 4 <0.5
        "ANC, 1.8,   1.8, 0",
        "ANC, 1.79,  1.8, 1",
        "ANC, 1.5,   1.8, 1",
        "ANC, 1.49,  1.8, 2",
        "ANC, 1.0,   1.8, 2",
        "ANC, 0.99,  1.8, 3",
        "ANC, 0.5,   1.8, 3",
        "ANC, 0.49,  1.8, 4",
        "ANC, 0.4,   1.8, 4",
        // platelets: the worked example of CRITERIA.md 1.1
        "PLATELETS, 150,   150, 0",
        "PLATELETS, 149.9, 150, 1",
        "PLATELETS, 75.0,  150, 1",
        "PLATELETS, 74.9,  150, 2",
        "PLATELETS, 50.0,  150, 2",
        "PLATELETS, 49.9,  150, 3",
        "PLATELETS, 25.0,  150, 3",
        "PLATELETS, 24.9,  150, 4",
        // white blood cells
        "WBC, 4.0,  4.0, 0",
        "WBC, 3.9,  4.0, 1",
        "WBC, 3.0,  4.0, 1",
        "WBC, 2.9,  4.0, 2",
        "WBC, 2.0,  4.0, 2",
        "WBC, 1.9,  4.0, 3",
        "WBC, 1.0,  4.0, 3",
        "WBC, 0.9,  4.0, 4",
        // lymphocytes
        "LYMPHOCYTES, 1.0,  1.0, 0",
        "LYMPHOCYTES, 0.9,  1.0, 1",
        "LYMPHOCYTES, 0.8,  1.0, 1",
        "LYMPHOCYTES, 0.79, 1.0, 2",
        "LYMPHOCYTES, 0.5,  1.0, 2",
        "LYMPHOCYTES, 0.49, 1.0, 3",
        "LYMPHOCYTES, 0.2,  1.0, 3",
        "LYMPHOCYTES, 0.19, 1.0, 4",
    })
    void gradesEachSideOfEveryBoundary(Analyte analyte, String value, String lln, int expected) {
        assertThat(grade(analyte, value, "10*9/L", lln).grade()).isEqualTo(expected);
    }

    @Nested
    class AbsoluteThresholdsWinOverALowLln {

        @ParameterizedTest(name = "{0} {1} with LLN {2} -> grade {3}")
        @CsvSource({
            "LYMPHOCYTES, 0.75, 0.70, 2", // CRITERIA.md 2.1 example
            "ANC,         1.2,  1.0,  2",
            "PLATELETS,   60,   50,   2",
            "WBC,         0.9,  0.5,  4",
        })
        void aValueBelowAnAbsoluteThresholdGetsThatGradeAboveTheLln(
                Analyte analyte, String value, String lln, int expected) {
            var assessment = grade(analyte, value, "10*9/L", lln);

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(assessment.labOnlyGrading()).isTrue();
        }

        @Test
        void grade1StillNeedsAValueBelowTheLln() {
            var assessment = grade(Analyte.LYMPHOCYTES, "0.85", "10*9/L", "0.70");

            assertThat(assessment.grade()).isZero();
        }

        @Test
        void aGradeBelowTheLlnIsNotALabOnlyConvention() {
            var assessment = grade(Analyte.PLATELETS, "49.9", "10*9/L", "150");

            assertThat(assessment.labOnlyGrading()).isFalse();
        }
    }

    @Nested
    class UnitVariants {

        @ParameterizedTest(name = "{0} {1} {2} with LLN {3} -> grade {4}")
        @CsvSource({
            "ANC,       400,   /uL,      1800,   4",
            "ANC,       500,   /uL,      1800,   3",
            "ANC,       1500,  cells/uL, 1800,   1",
            "ANC,       1499,  /mm3,     1800,   2",
            "PLATELETS, 75000, /uL,      150000, 1",
            "PLATELETS, 74900, /uL,      150000, 2",
            "PLATELETS, 74.9,  10*3/uL,  150,    2",
            "PLATELETS, 50.0,  K/uL,     150,    2",
            "PLATELETS, 49.9,  G/L,      150,    3",
            "WBC,       2000,  10*6/L,   4000,   2",
        })
        void convertsCountsBeforeComparing(Analyte analyte, String value, String unit, String lln, int expected) {
            assertThat(grade(analyte, value, unit, lln).grade()).isEqualTo(expected);
        }
    }

    @Nested
    class ReferenceRange {

        @ParameterizedTest(name = "ANC {0} without a reported range -> grade {1} against the default LLN 1.8")
        @CsvSource({"1.8, 0", "1.7, 1"})
        void usesTheAdultDefaultAndSaysSo(String value, int expected) {
            var assessment = grade(Analyte.ANC, value, "10*9/L", null);

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
        }

        @Test
        void recordsAReportedRangeAsReported() {
            var assessment = grade(Analyte.ANC, "1.7", "10*9/L", "1.8");

            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
        }

        @Test
        void isNotAssessableWhenTheLlnDecidesAndNoneExists() {
            var withoutLln = withoutLimits(result(Analyte.ANC, "2.0", "10*9/L", null, null));

            var assessment = CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(withoutLln);

            assertThat(assessment.grade()).isNull();
            assertThat(assessment.notAssessableReason()).contains("LLN");
        }

        @Test
        void stillGradesAnAbsoluteThresholdWithoutAnLln() {
            var withoutLln = withoutLimits(result(Analyte.ANC, "0.4", "10*9/L", null, null));

            var assessment = CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(withoutLln);

            assertThat(assessment.grade()).isEqualTo(4);
        }

        private static LabResult withoutLimits(LabResult result) {
            return new LabResult(result.analyte(), result.observation(), new ReferenceLimits(null, null));
        }
    }

    @Nested
    class WhatTheAssessmentShows {

        private final Assessment assessment = grade(Analyte.ANC, "0.4", "10*9/L", "1.8");

        @Test
        void writesEveryThresholdAsTheTableWritesIt() {
            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(4, "v < 0.5 10*9/L", true),
                            new AppliedThreshold(3, "0.5 <= v < 1.0 10*9/L", false),
                            new AppliedThreshold(2, "1.0 <= v < 1.5 10*9/L", false),
                            new AppliedThreshold(1, "v < LLN and v >= 1.5 10*9/L; LLN = 1.8 10*9/L", false));
        }

        @Test
        void explainsTheGradeInClinicalWords() {
            assertThat(assessment.summary()).startsWith("ANC 0.4 10*9/L < 0.5 10*9/L: grade 4.");
        }

        @Test
        void listsTheResultAsEvidenceInBothUnits() {
            var converted = grade(Analyte.ANC, "400", "/uL", "1800");

            assertThat(converted.evidence()).singleElement().satisfies(evidence -> {
                assertThat(evidence.value()).isEqualByComparingTo("400");
                assertThat(evidence.unit()).isEqualTo("/uL");
                assertThat(evidence.canonicalValue()).isEqualByComparingTo("0.4");
                assertThat(evidence.canonicalUnit()).isEqualTo("10*9/L");
            });
            assertThat(converted.summary()).startsWith("ANC 400 /uL (0.4 10*9/L) < 0.5 10*9/L: grade 4.");
        }

        @Test
        void isAssessedAtTheCollectionTime() {
            assertThat(assessment.assessedAt()).isEqualTo(PatientEvents.NOW);
        }

        @Test
        void gradesOnlyItsOwnAnalyte() {
            var platelets = result(Analyte.PLATELETS, "100", "10*9/L", "150", null);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(platelets));
        }
    }

    @ParameterizedTest(name = "ANC written as {0} is grade 1")
    @CsvSource({"1.5", "1.50", "1.500000"})
    void gradesTheSameNumberAlikeWhateverItsScale(String written) {
        assertThat(grade(Analyte.ANC, written, "10*9/L", "1.8").grade()).isEqualTo(1);
    }
}
