package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.lab.ReportedLabs.reported;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.cytopenia.AnemiaRule;
import org.toxwatch.monitoring.domain.cytopenia.CountDecreasedRule;
import org.toxwatch.monitoring.domain.hepatotoxicity.LiverTermRule;
import org.toxwatch.monitoring.domain.metabolic.HyperkalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypocalcemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypokalemiaRule;
import org.toxwatch.monitoring.domain.renal.CreatinineIncreasedRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 3: a censored result ({@code <0.1}, {@code >1000}) is graded from every value its comparator
 * allows, never as if the bound were the value. One grade when all those values share it; otherwise the grade
 * all of them certainly reach, "at least grade g"; and not assessable when that is only grade 0, since grade 0
 * claims a normal value (CRITERIA.md 1.2). Boundaries from the CRITERIA.md 2.3-2.7 tables.
 */
class CensoredResultsTest {

    /** A rule of section 2 with the reference range its rows use. */
    enum Term {
        // 2.5: grade 1 <LLN - 1.5, grade 2 <1.5 - 1.0, grade 3 <1.0 - 0.5, grade 4 <0.5
        ANC(Analyte.ANC, "10*9/L", "1.8", "7.7", CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED::assess),
        // 2.5: grade 1 <LLN - 75, grade 2 <75 - 50, grade 3 <50 - 25, grade 4 <25
        PLATELETS(Analyte.PLATELETS, "10*9/L", "150", "400", CountDecreasedRule.PLATELET_COUNT_DECREASED::assess),
        // 2.6: grade 1 <LLN - 10.0, grade 2 <10.0 - 8.0, grade 3 <8.0, never grade 4
        HEMOGLOBIN(Analyte.HEMOGLOBIN, "g/dL", "12.0", "17.5", new AnemiaRule()::assess),
        // 2.3 (baseline missing): 1 >ULN - 3.0 x ULN, 2 >3.0 - 5.0, 3 >5.0 - 20.0, 4 >20.0 x ULN; ULN 40
        ALT(Analyte.ALT, "U/L", null, "40", LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED::assess),
        // 2.3 (baseline missing): 1 >ULN - 1.5 x ULN, 2 >1.5 - 3.0, 3 >3.0 - 10.0, 4 >10.0 x ULN; ULN 1.2
        BILIRUBIN(Analyte.TOTAL_BILIRUBIN, "mg/dL", null, "1.2", LiverTermRule.BLOOD_BILIRUBIN_INCREASED::assess),
        // 2.7: 1 >ULN - 5.5, 2 >5.5 - 6.0, 3 >6.0 - 7.0, 4 >7.0
        HYPERKALEMIA(Analyte.POTASSIUM, "mmol/L", "3.5", "5.1", new HyperkalemiaRule()::assess),
        // 2.7: 2 <LLN - 3.0, 3 <3.0 - 2.5, 4 <2.5
        HYPOKALEMIA(Analyte.POTASSIUM, "mmol/L", "3.5", "5.1", new HypokalemiaRule()::assess),
        // 2.4 (no baseline): 1 >ULN - 1.5 x ULN, 2 >1.5 - 3.0, 3 >3.0 - 6.0, 4 >6.0 x ULN; ULN 1.2
        CREATININE(Analyte.CREATININE, "mg/dL", "0.6", "1.2", new CreatinineIncreasedRule()::assess);

        final Analyte analyte;
        final String unit;
        final @Nullable String lln;
        final String uln;
        final Function<LabResult, Assessment> rule;

        Term(Analyte analyte, String unit, @Nullable String lln, String uln, Function<LabResult, Assessment> rule) {
            this.analyte = analyte;
            this.unit = unit;
            this.lln = lln;
            this.uln = uln;
            this.rule = rule;
        }

        Assessment grade(String written) {
            return rule.apply(reported(analyte, written, unit, lln, uln));
        }
    }

    @ParameterizedTest(name = "{0} {1}: {3} grade {2}")
    @CsvSource({
        // ANC, low direction: below a bound is worse, so "<b" certainly reaches the grade just below b
        "ANC, <0.1,   4, exactly",
        "ANC, <0.5,   4, exactly", // every value below 0.5 is grade 4: the bound itself (grade 3) is not graded
        "ANC, <=0.5,  3, at least", // 0.5 itself is grade 3
        "ANC, <1.0,   3, at least",
        "ANC, <=1.0,  2, at least",
        "ANC, <1.8,   1, at least", // just below LLN
        "ANC, >=1.8,  0, exactly",
        "ANC, >1.8,   0, exactly",
        "ANC, >0.5,   -, not assessable", // grade 3 just above 0.5, grade 0 far above: no abnormal grade is certain
        "ANC, >=0.4,  -, not assessable",
        // platelets
        "PLATELETS, <10,    4, exactly",
        "PLATELETS, <25.0,  4, exactly",
        "PLATELETS, <=25.0, 3, at least",
        "PLATELETS, <50.0,  3, at least",
        "PLATELETS, <=74.9, 2, at least",
        "PLATELETS, <75.0,  2, at least",
        "PLATELETS, <=75.0, 1, at least",
        "PLATELETS, >150,   0, exactly",
        "PLATELETS, >=150,  0, exactly",
        "PLATELETS, >24.9,  -, not assessable",
        // hemoglobin (never grade 4, L-1)
        "HEMOGLOBIN, <5.0,  3, exactly",
        "HEMOGLOBIN, <8.0,  3, exactly",
        "HEMOGLOBIN, <=8.0, 2, at least",
        "HEMOGLOBIN, <10.0, 2, at least",
        "HEMOGLOBIN, >=12.0, 0, exactly",
        "HEMOGLOBIN, >12.0, 0, exactly",
        "HEMOGLOBIN, >7.9,  -, not assessable",
        // ALT, high direction: above a bound is worse, so ">a" certainly reaches the grade just above a
        "ALT, >1000, 4, exactly",
        "ALT, >800,  4, exactly", // 20 x ULN is grade 3; everything above it is grade 4
        "ALT, >=800, 3, at least",
        "ALT, >120,  2, at least",
        "ALT, >=120, 1, at least",
        "ALT, <5,    0, exactly",
        "ALT, <=40,  0, exactly",
        "ALT, <41,   -, not assessable", // 40 to 41 is grade 1, below is 0
        "ALT, <=800, -, not assessable",
        // total bilirubin
        "BILIRUBIN, >12.0,  4, exactly",
        "BILIRUBIN, >=12.0, 3, at least",
        "BILIRUBIN, >3.6,   3, at least",
        "BILIRUBIN, >=1.8,  1, at least",
        "BILIRUBIN, >1.8,   2, at least",
        "BILIRUBIN, <0.2,   0, exactly",
        "BILIRUBIN, <=1.2,  0, exactly",
        "BILIRUBIN, <1.3,   -, not assessable",
        // potassium, high and low from one result
        "HYPERKALEMIA, >9.0,  4, exactly",
        "HYPERKALEMIA, >7.0,  4, exactly",
        "HYPERKALEMIA, >=7.0, 3, at least",
        "HYPERKALEMIA, >6.0,  3, at least",
        "HYPERKALEMIA, >=5.5, 1, at least",
        "HYPERKALEMIA, <5.1,  0, exactly",
        "HYPERKALEMIA, <2.0,  0, exactly",
        "HYPERKALEMIA, <=6.0, -, not assessable",
        "HYPOKALEMIA,  <2.0,  4, exactly",
        "HYPOKALEMIA,  <2.5,  4, exactly",
        "HYPOKALEMIA,  <=2.5, 3, at least",
        "HYPOKALEMIA,  <3.5,  2, at least",
        "HYPOKALEMIA,  >3.5,  0, exactly",
        "HYPOKALEMIA,  >9.0,  0, exactly",
        "HYPOKALEMIA,  >=2.4, -, not assessable",
        // creatinine without a baseline
        "CREATININE, >7.2,  4, exactly",
        "CREATININE, >=7.2, 3, at least",
        "CREATININE, >1.8,  2, at least",
        "CREATININE, >=1.8, 1, at least",
        "CREATININE, <0.5,  0, exactly",
        "CREATININE, <=1.2, 0, exactly",
        "CREATININE, <3.0,  -, not assessable",
    })
    void gradesEveryValueTheComparatorAllows(Term term, String written, String grade, String certainty) {
        var assessment = term.grade(written);

        assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        if (certainty.equals("not assessable")) {
            // grade 0 is only the floor of a range reaching an abnormal grade: not known to be normal (1.2)
            assertThat(assessment.grade()).isNull();
            assertThat(assessment.notAssessableReason())
                    .startsWith("censored result " + written)
                    .contains("allows grades 0 to");
            return;
        }
        assertThat(assessment.grade()).isEqualTo(Integer.valueOf(grade));
        if (certainty.equals("exactly")) {
            assertThat(assessment.summary())
                    .doesNotContain("At least")
                    .contains("every value allowed gives grade " + grade);
        } else {
            assertThat(assessment.summary()).startsWith("At least grade " + grade + " (censored result " + written);
        }
    }

    @Nested
    class WhatTheAssessmentShows {

        @Test
        void anAncBelowTheDetectionLimitIsGrade4WithTheComparatorInSummaryAndEvidence() {
            var assessment = Term.ANC.grade("<0.1");

            assertThat(assessment.summary())
                    .startsWith("ANC <0.1 10*9/L < 0.5 10*9/L: grade 4.")
                    .contains("Censored result <0.1 10*9/L: every value allowed gives grade 4.");
            assertThat(assessment.evidence().getFirst().display()).isEqualTo("ANC (censored: <0.1)");
        }

        @Test
        void aBoundThatReachesIntoALessSevereGradeSaysAtLeast() {
            var assessment = Term.ANC.grade("<=0.5");

            assertThat(assessment.summary())
                    .startsWith(
                            "At least grade 3 (censored result <=0.5 10*9/L): the values allowed span grades 3 to 4");
        }

        @Test
        void anExactResultHasNoCensoringCaveat() {
            var assessment = Term.ANC.grade("0.4");

            assertThat(assessment.grade()).isEqualTo(4);
            assertThat(assessment.caveats()).isEmpty();
            assertThat(assessment.summary()).doesNotContain("ensored");
        }

        @Test
        void aBoundInAnotherUnitIsConvertedWithItsComparator() {
            var assessment = CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(
                    reported(Analyte.ANC, "<100", "/uL", "1800", "7700"));

            assertThat(assessment.grade()).isEqualTo(4);
            assertThat(assessment.summary()).startsWith("ANC <100 /uL (<0.1 10*9/L)");
        }

        @Test
        void anUncorrectedTotalCalciumBelowItsBoundIsGradedOnTheBound() {
            var assessment =
                    HypocalcemiaRule.CORRECTED.assess(reported(Analyte.CALCIUM_TOTAL, "<6.0", "mg/dL", "8.5", "10.5"));

            assertThat(assessment.grade()).isEqualTo(4);
        }
    }

    /** A censored baseline is used only as far as the conclusion holds for every value it allows. */
    @Nested
    class CensoredBaselines {

        private final CreatinineIncreasedRule creatinine = new CreatinineIncreasedRule();

        @Test
        void aBaselineBelowItsBoundRaisesCreatinineOnlyAsFarAsEveryAllowedBaselineDoes() {
            // 0.8 > 1.5 x B for every B below 0.5: grade 2 certainly; grade 3 only if B < 0.27
            var value = reported(Analyte.CREATININE, "0.8", "mg/dL", "0.6", "1.2");
            var baseline = reported(Analyte.CREATININE, "<0.5", "mg/dL", "0.6", "1.2");

            var assessment = creatinine.assess(value, baseline);

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).startsWith("At least grade 2 (censored baseline Creatinine <0.5 mg/dL)");
            assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        }

        @Test
        void aBaselineEveryAllowedValueOfWhichIsNormalGradesByUln() {
            var value = reported(Analyte.ALT, "150", "U/L", null, "40");
            var baseline = reported(Analyte.ALT, "<20", "U/L", null, "40");

            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(value, baseline);

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).doesNotContain("At least");
        }

        @Test
        void aBaselineAboveItsBoundLeavesNoLiverGradeCertain() {
            // B > 50 (above ULN 40) grades by multiples of B: 100 is grade 1 for B just above 50, 0 for B >= 67
            var value = reported(Analyte.ALT, "100", "U/L", null, "40");
            var baseline = reported(Analyte.ALT, ">50", "U/L", null, "40");

            var assessment = LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED.assess(value, baseline);

            assertThat(assessment.grade()).isNull();
            assertThat(assessment.notAssessableReason())
                    .startsWith("censored baseline ALT >50 U/L allows grades 0 to 1");
        }

        @Test
        void anExactBaselineWithACensoredValue() {
            // B 0.5: the baseline criterion is grade 3 above 1.5; the ULN criterion grade 4 above 7.2
            var value = reported(Analyte.CREATININE, ">1.5", "mg/dL", "0.6", "1.2");
            var baseline = reported(Analyte.CREATININE, "0.5", "mg/dL", "0.6", "1.2");

            var assessment = creatinine.assess(value, baseline);

            assertThat(assessment.grade()).isEqualTo(3);
            assertThat(assessment.summary()).startsWith("At least grade 3 (censored result >1.5 mg/dL)");
        }
    }
}
