package org.toxwatch.monitoring.domain.hepatotoxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.3: the CTCAE v5.0 liver terms with their baseline-dependent rules. */
class LiverTermRuleTest {

    private static LiverTermRule ruleFor(Analyte analyte) {
        return switch (analyte) {
            case ALT -> LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED;
            case AST -> LiverTermRule.ASPARTATE_AMINOTRANSFERASE_INCREASED;
            case ALP -> LiverTermRule.ALKALINE_PHOSPHATASE_INCREASED;
            case GGT -> LiverTermRule.GGT_INCREASED;
            case TOTAL_BILIRUBIN -> LiverTermRule.BLOOD_BILIRUBIN_INCREASED;
            default -> throw new IllegalArgumentException(analyte.name());
        };
    }

    private static LabResult baseline(Analyte analyte, String value, String unit, String uln) {
        return aLab(analyte)
                .value(value)
                .unit(unit)
                .range(null, uln)
                .at(daysBefore(3))
                .read();
    }

    @Nested
    class BaselineNormalOrMissing {

        @ParameterizedTest(name = "{0} {1} with ULN {2} -> grade {3}")
        @CsvSource({
            // ALT and AST: 3.0, 5.0, 20.0 x ULN
            "ALT, 40,  40, 0",
            "ALT, 41,  40, 1",
            "ALT, 120, 40, 1",
            "ALT, 121, 40, 2",
            "ALT, 200, 40, 2",
            "ALT, 201, 40, 3",
            "ALT, 800, 40, 3",
            "ALT, 801, 40, 4",
            "AST, 40,  40, 0",
            "AST, 41,  40, 1",
            "AST, 120, 40, 1",
            "AST, 121, 40, 2",
            "AST, 200, 40, 2",
            "AST, 201, 40, 3",
            "AST, 800, 40, 3",
            "AST, 801, 40, 4",
            // ALP and GGT: 2.5, 5.0, 20.0 x ULN
            "ALP, 130,  130, 0",
            "ALP, 131,  130, 1",
            "ALP, 325,  130, 1",
            "ALP, 326,  130, 2",
            "ALP, 650,  130, 2",
            "ALP, 651,  130, 3",
            "ALP, 2600, 130, 3",
            "ALP, 2601, 130, 4",
            "GGT, 60,   60,  0",
            "GGT, 61,   60,  1",
            "GGT, 150,  60,  1",
            "GGT, 151,  60,  2",
            "GGT, 300,  60,  2",
            "GGT, 301,  60,  3",
            "GGT, 1200, 60,  3",
            "GGT, 1201, 60,  4",
            // total bilirubin: 1.5, 3.0, 10.0 x ULN
            "TOTAL_BILIRUBIN, 1.2,  1.2, 0",
            "TOTAL_BILIRUBIN, 1.3,  1.2, 1",
            "TOTAL_BILIRUBIN, 1.8,  1.2, 1",
            "TOTAL_BILIRUBIN, 1.9,  1.2, 2",
            "TOTAL_BILIRUBIN, 3.6,  1.2, 2",
            "TOTAL_BILIRUBIN, 3.7,  1.2, 3",
            "TOTAL_BILIRUBIN, 12.0, 1.2, 3",
            "TOTAL_BILIRUBIN, 12.1, 1.2, 4",
        })
        void gradesByMultiplesOfUln(Analyte analyte, String value, String uln, int expected) {
            var assessment = ruleFor(analyte).assess(result(analyte, value, analyte.canonicalUnit(), null, uln));

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "ALT 130 with baseline {0} (ULN 40) -> grade {1}")
        @CsvSource({
            "40, 2", // exactly ULN is a normal baseline
            "30, 2",
        })
        void treatsABaselineAtOrBelowUlnAsNormal(String baselineValue, int expected) {
            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(
                    result(Analyte.ALT, "130", "U/L", null, "40"), baseline(Analyte.ALT, baselineValue, "U/L", "40"));

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void treatsAMissingBaselineAsNormal() {
            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(
                    result(Analyte.ALT, "140", "U/L", null, "40"));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).contains("No baseline");
        }

        @ParameterizedTest(name = "bilirubin {0} umol/L with ULN 21 umol/L -> grade {1}")
        @CsvSource({
            "21,   0", "21.1, 1",
            "31.5, 1", // exactly 1.5 x ULN: compared in umol/L, the tie stays exact (CRITERIA.md 1.1)
            "31.6, 2", "63.0, 2", "63.1, 3",
        })
        void comparesBilirubinWithItsUlnInTheSharedUnit(String value, int expected) {
            var assessment = LiverTermRule.BLOOD_BILIRUBIN_INCREASED.assess(
                    result(Analyte.TOTAL_BILIRUBIN, value, "umol/L", null, "21"));

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void writesTheUlnMultiplesAsTheTableWritesThem() {
            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(
                    result(Analyte.ALT, "130", "U/L", null, "40"));

            assertThat(assessment.thresholds())
                    .containsExactly(
                            new AppliedThreshold(4, "v > 20.0 x ULN; ULN = 40 U/L", false),
                            new AppliedThreshold(3, "5.0 x ULN < v <= 20.0 x ULN; ULN = 40 U/L", false),
                            new AppliedThreshold(2, "3.0 x ULN < v <= 5.0 x ULN; ULN = 40 U/L", true),
                            new AppliedThreshold(1, "ULN < v <= 3.0 x ULN; ULN = 40 U/L", false));
            assertThat(assessment.summary())
                    .startsWith("ALT 130 U/L, 3.0 x ULN < ALT <= 5.0 x ULN; ULN = 40 U/L: grade 2.");
            assertThat(assessment.labOnlyGrading()).isFalse();
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
        }

        @Test
        void usesTheDefaultUlnWithoutAReportedRange() {
            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(
                    result(Analyte.ALT, "121", "U/L", null, null));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
        }
    }

    @Nested
    class BaselineAbnormal {

        @ParameterizedTest(name = "{0} {1} with ULN {2} and baseline {3} -> grade {4}")
        @CsvSource({
            // ALT/AST: 1.5 x B inclusive, then 3.0, 5.0, 20.0 x B
            "ALT, 140,  40, 100, 0", // CRITERIA.md 2.3: 3.5 x ULN but only 1.4 x B
            "ALT, 149,  40, 100, 0",
            "ALT, 150,  40, 100, 1",
            "ALT, 300,  40, 100, 1",
            "ALT, 301,  40, 100, 2",
            "ALT, 500,  40, 100, 2",
            "ALT, 501,  40, 100, 3",
            "ALT, 2000, 40, 100, 3",
            "ALT, 2001, 40, 100, 4",
            "AST, 149,  40, 100, 0",
            "AST, 150,  40, 100, 1",
            "AST, 301,  40, 100, 2",
            // ALP/GGT: 2.0 x B inclusive, then 2.5, 5.0, 20.0 x B
            "ALP, 399,  130, 200, 0",
            "ALP, 400,  130, 200, 1",
            "ALP, 500,  130, 200, 1",
            "ALP, 501,  130, 200, 2",
            "ALP, 1000, 130, 200, 2",
            "ALP, 1001, 130, 200, 3",
            "ALP, 4000, 130, 200, 3",
            "ALP, 4001, 130, 200, 4",
            "GGT, 199,  60,  100, 0",
            "GGT, 200,  60,  100, 1",
            "GGT, 251,  60,  100, 2",
            // bilirubin: just above B, then 1.5, 3.0, 10.0 x B
            "TOTAL_BILIRUBIN, 2.0,  1.2, 2.0, 0",
            "TOTAL_BILIRUBIN, 2.1,  1.2, 2.0, 1",
            "TOTAL_BILIRUBIN, 3.0,  1.2, 2.0, 1",
            "TOTAL_BILIRUBIN, 3.1,  1.2, 2.0, 2",
            "TOTAL_BILIRUBIN, 6.0,  1.2, 2.0, 2",
            "TOTAL_BILIRUBIN, 6.1,  1.2, 2.0, 3",
            "TOTAL_BILIRUBIN, 20.0, 1.2, 2.0, 3",
            "TOTAL_BILIRUBIN, 20.1, 1.2, 2.0, 4",
        })
        void gradesByMultiplesOfTheBaselineAndIgnoresUln(
                Analyte analyte, String value, String uln, String baselineValue, int expected) {
            var unit = analyte.canonicalUnit();

            var assessment = ruleFor(analyte)
                    .assess(result(analyte, value, unit, null, uln), baseline(analyte, baselineValue, unit, uln));

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "bilirubin {0} mg/dL with baseline 34.2 umol/L (ULN 21 umol/L) -> grade {1}")
        @CsvSource({"1.9, 0", "2.5, 1", "3.1, 2"})
        void convertsABaselineReportedInAnotherUnit(String value, int expected) {
            var assessment = LiverTermRule.BLOOD_BILIRUBIN_INCREASED.assess(
                    result(Analyte.TOTAL_BILIRUBIN, value, "mg/dL", null, "1.2"),
                    baseline(Analyte.TOTAL_BILIRUBIN, "34.2", "umol/L", "21"));

            assertThat(assessment.grade()).isEqualTo(expected);
        }

        @Test
        void gradesTheBaselineResultItselfAsZero() {
            var baseline = baseline(Analyte.ALT, "100", "U/L", "40");

            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(baseline, baseline);

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.evidence()).hasSize(1);
        }

        @Test
        void showsTheBaselineAndWhyItsMultiplesApply() {
            var baseline = baseline(Analyte.ALT, "100", "U/L", "40");

            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(
                    result(Analyte.ALT, "140", "U/L", null, "40"), baseline);

            assertThat(assessment.evidence()).hasSize(2);
            assertThat(assessment.thresholds())
                    .contains(new AppliedThreshold(1, "1.5 x B <= v <= 3.0 x B; B = 100 U/L", false));
            assertThat(assessment.summary())
                    .startsWith("ALT 140 U/L < 1.5 x B; B = 100 U/L: grade 0.")
                    .contains("Baseline ALT 100 U/L is above its ULN = 40 U/L");
        }
    }
}
