package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.toxwatch.monitoring.domain.dosing.PlannedDose.aPlannedDose;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.dosing.PreDoseDecision.Action;
import org.toxwatch.monitoring.domain.dosing.PreDoseDecision.Reason;

/** CRITERIA.md 8.2: the BESPONSA pre-dose decision, rules 1-4. */
class BesponsaPreDoseDecisionTest {

    /** E.g. {@code "HEPATIC LFT_GRADE2"}; empty or absent for none. */
    private static List<Reason> reasons(@Nullable String names) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        return Arrays.stream(names.trim().split("\\s+")).map(Reason::valueOf).toList();
    }

    @Nested
    class Hepatic {

        @ParameterizedTest(name = "bilirubin {0} (ULN 1.2, pre-treatment 1.5), AST {1}, ALT {2} (ULN 40) -> {3} {4}")
        @CsvSource({
            // a pre-treatment bilirubin above ULN keeps LFT_GRADE2 quiet, so only rule 2 is probed
            "1.8,  101, 30,  PROCEED, ",
            "1.81, 101, 30,  HOLD,    HEPATIC",
            "1.81, 100, 30,  PROCEED, ", // exactly 2.5 x ULN is not "> 2.5 x ULN"
            "1.81, 30,  101, HOLD,    HEPATIC", // either enzyme suffices
            "1.81, 30,  100, PROCEED, ",
            "1.81, 101, 101, HOLD,    HEPATIC",
        })
        void holdsForBilirubinAboveOneAndAHalfUlnWithEitherEnzymeAboveTwoAndAHalfUln(
                String bilirubin, String ast, String alt, Action action, @Nullable String expected) {
            var decision = aPlannedDose()
                    .bilirubin(bilirubin, "1.2")
                    .ast(ast, "40")
                    .alt(alt, "40")
                    .pretreatmentLiverTests("1.5", "30", "30")
                    .decide();

            assertThat(decision.action()).isEqualTo(action);
            assertThat(decision.reasons()).containsExactlyElementsOf(reasons(expected));
        }

        @Test
        void explainsTheValuesCompared() {
            var decision = aPlannedDose()
                    .bilirubin("1.81", "1.2")
                    .alt("101", "40")
                    .pretreatmentLiverTests("1.5", "30", "30")
                    .decide();

            assertThat(decision.explanations())
                    .first()
                    .asString()
                    .startsWith("HEPATIC: total bilirubin 1.81 > 1.5 x ULN (1.8) and ALT 101 > 2.5 x ULN (100): hold");
            assertThat(decision.clinicianMayOverride()).isFalse();
        }
    }

    @Nested
    class LiverTestsGradeTwo {

        @ParameterizedTest(name = "normal pre-treatment: {0} {1} (ULN {2}) -> {3}")
        @CsvSource({
            "ALT,       120,  40,  PROCEED", // grade 1: <= 3.0 x ULN
            "ALT,       121,  40,  HOLD",
            "AST,       120,  40,  PROCEED",
            "AST,       121,  40,  HOLD",
            "BILIRUBIN, 1.8,  1.2, PROCEED", // grade 1: <= 1.5 x ULN
            "BILIRUBIN, 1.81, 1.2, HOLD",
        })
        void holdsAtGradeTwoWhenPretreatmentWasNormal(String test, String value, String uln, Action action) {
            var dose = aPlannedDose();
            switch (test) {
                case "ALT" -> dose.alt(value, uln);
                case "AST" -> dose.ast(value, uln);
                default -> dose.bilirubin(value, uln);
            }

            var decision = dose.decide();

            assertThat(decision.action()).isEqualTo(action);
            assertThat(decision.reasons()).isEqualTo(action == Action.HOLD ? List.of(Reason.LFT_GRADE2) : List.of());
        }

        @ParameterizedTest(name = "ALT {0} with pre-treatment ALT {1} (ULN 40) -> {2}")
        @CsvSource({
            // pre-treatment 60: grade 1 against ULN; abnormal baseline, so multiples of B apply
            "180, 60,  PROCEED", // 3.0 x B: grade 1
            "181, 60,  HOLD", // grade 2 > max(1, 1)
            // pre-treatment 130: grade 2 against ULN
            "391, 130, PROCEED", // grade 2, not above the pre-treatment grade 2
            "650, 130, PROCEED", // 5.0 x B: grade 2
            "651, 130, HOLD", // grade 3 > 2
        })
        void holdsOnlyAbovePretreatmentGradeWithThePretreatmentValueAsBaseline(
                String alt, String pretreatmentAlt, Action action) {
            var decision = aPlannedDose()
                    .alt(alt, "40")
                    .pretreatmentLiverTests("0.8", "30", pretreatmentAlt)
                    .decide();

            assertThat(decision.action()).isEqualTo(action);
        }

        @Test
        void explainsTheCtcaeGradeAndThePretreatmentGrade() {
            var decision = aPlannedDose().alt("121", "40").decide();

            assertThat(decision.explanations())
                    .first()
                    .asString()
                    .startsWith("LFT_GRADE2: ALT CTCAE v5.0 grade 2 (pre-treatment value as baseline) > max(1,"
                            + " pre-treatment grade 0): hold (rule 3).")
                    .contains("3.0 x ULN < ALT <= 5.0 x ULN; ULN = 40 U/L: grade 2.");
        }
    }

    @Nested
    class HematologicRules {

        @ParameterizedTest(name = "C{0}D{1} with ANC 0.5 and platelets 20 -> {2} {3}")
        @CsvSource({
            "1, 1,  PROCEED, ",
            "1, 8,  PROCEED, ",
            "1, 15, PROCEED, ",
            "2, 1,  HOLD,    ANC_NOT_RECOVERED PLT_NOT_RECOVERED",
            "2, 8,  PROCEED, ",
            "2, 15, PROCEED, ",
            "3, 1,  HOLD,    ANC_NOT_RECOVERED PLT_NOT_RECOVERED",
        })
        void applyOnlyAtDayOneOfCycleTwoOrLater(int cycle, int day, Action action, @Nullable String expected) {
            var decision = aPlannedDose().on(cycle, day).counts("0.5", "20").decide();

            assertThat(decision.action()).isEqualTo(action);
            assertThat(decision.reasons()).containsExactlyElementsOf(reasons(expected));
        }

        @ParameterizedTest(name = "normal pre-treatment counts: ANC {0}, platelets {1} -> {2} {3}")
        @CsvSource({
            "0.99, 150,  HOLD,    ANC_NOT_RECOVERED",
            "1.0,  150,  PROCEED, ", // exactly 1.0 proceeds
            "2.0,  49.9, HOLD,    PLT_NOT_RECOVERED",
            "2.0,  50,   PROCEED, ",
        })
        void holdUntilAncAndPlateletsRecoverWhenPretreatmentCountsWereNormal(
                String anc, String platelets, Action action, @Nullable String expected) {
            var decision = aPlannedDose().counts(anc, platelets).decide();

            assertThat(decision.action()).isEqualTo(action);
            assertThat(decision.reasons()).containsExactlyElementsOf(reasons(expected));
            assertThat(decision.clinicianMayOverride()).isFalse();
        }

        @ParameterizedTest(
                name = "pre-treatment ANC 0.5, platelets 20; previous C-D1 {2}/{3}; now ANC {0}, platelets {1} -> {4}")
        @CsvSource({
            "0.6,  30,   0.6, 30, PROCEED", // (a) both at least the previous-cycle day-1 values
            "0.59, 30,   0.6, 30, HOLD",
            "0.6,  29.9, 0.6, 30, HOLD",
            "1.0,  50,   1.5, 80, PROCEED", // (b) ANC >= 1.0 and platelets >= 50
            "0.99, 50,   1.5, 80, HOLD",
            "1.0,  49.9, 1.5, 80, HOLD",
            "0.8,  40,      ,   , HOLD", // previous-cycle counts unknown: only (b) can be checked
            "1.0,  50,      ,   , PROCEED",
        })
        void useThePreviousCycleOrTheThresholdsWhenBothPretreatmentCountsWereLow(
                String anc,
                String platelets,
                @Nullable String previousAnc,
                @Nullable String previousPlatelets,
                Action action) {
            var decision = aPlannedDose()
                    .pretreatmentCounts("0.5", "20")
                    .previousCycleDay1Counts(previousAnc, previousPlatelets)
                    .counts(anc, platelets)
                    .decide();

            assertThat(decision.action()).isEqualTo(action);
            if (action == Action.HOLD) {
                assertThat(decision.reasons()).containsExactly(Reason.COUNTS_NOT_RECOVERED);
                assertThat(decision.clinicianMayOverride()).isTrue();
            }
        }

        @ParameterizedTest(name = "mixed pre-treatment ANC {0}, platelets {1} -> counts rule (A-13)")
        @CsvSource({"2.0, 20", "0.5, 150"})
        void applyTheCountsRuleToMixedPretreatmentCounts(String pretreatmentAnc, String pretreatmentPlatelets) {
            var decision = aPlannedDose()
                    .pretreatmentCounts(pretreatmentAnc, pretreatmentPlatelets)
                    .previousCycleDay1Counts("0.7", "25")
                    .counts("0.8", "24")
                    .decide();

            assertThat(decision.reasons()).containsExactly(Reason.COUNTS_NOT_RECOVERED);
            assertThat(decision.explanations()).anyMatch(line -> line.contains("A-13"));
        }
    }

    @Nested
    class PlateletTransfusion {

        @Test
        void neverProceedsOnATransfusionAffectedPlateletCount() {
            var decision = aPlannedDose()
                    .counts("2.0", "60")
                    .plateletTransfusionWithin24h()
                    .decide();

            assertThat(decision.action()).isEqualTo(Action.HOLD);
            assertThat(decision.reasons()).containsExactly(Reason.PLT_NOT_RECOVERED);
            assertThat(decision.transfusionAffected()).isTrue();
            assertThat(decision.clinicianMayOverride()).isTrue();
        }

        @Test
        void holdsWithoutOverrideWhenPlateletsAreLowEvenAfterTransfusion() {
            var decision = aPlannedDose()
                    .counts("2.0", "40")
                    .plateletTransfusionWithin24h()
                    .decide();

            assertThat(decision.reasons()).containsExactly(Reason.PLT_NOT_RECOVERED);
            assertThat(decision.clinicianMayOverride()).isFalse();
        }

        @Test
        void doesNotAcceptEitherRecoveryRouteWhenPretreatmentCountsWereLow() {
            var decision = aPlannedDose()
                    .pretreatmentCounts("0.5", "20")
                    .previousCycleDay1Counts("0.6", "30")
                    .counts("1.2", "60")
                    .plateletTransfusionWithin24h()
                    .decide();

            assertThat(decision.action()).isEqualTo(Action.HOLD);
            assertThat(decision.reasons()).containsExactly(Reason.COUNTS_NOT_RECOVERED);
            assertThat(decision.clinicianMayOverride()).isTrue();
        }

        @Test
        void onlyMarksTheCountWhereTheHematologicRulesDoNotApply() {
            var decision = aPlannedDose()
                    .on(1, 8)
                    .counts("2.0", "60")
                    .plateletTransfusionWithin24h()
                    .decide();

            assertThat(decision.action()).isEqualTo(Action.PROCEED);
            assertThat(decision.transfusionAffected()).isTrue();
        }

        @Test
        void offersNoOverrideWhenAnotherHoldReasonAlsoFired() {
            var decision = aPlannedDose()
                    .counts("2.0", "60")
                    .plateletTransfusionWithin24h()
                    .alt("121", "40")
                    .decide();

            assertThat(decision.reasons()).containsExactly(Reason.LFT_GRADE2, Reason.PLT_NOT_RECOVERED);
            assertThat(decision.clinicianMayOverride()).isFalse();
        }
    }

    @Nested
    class Vod {

        @Test
        void discontinuesWhenEverythingElseIsNormal() {
            var decision = aPlannedDose().vodDiagnosed().decide();

            assertThat(decision.action()).isEqualTo(Action.DISCONTINUE);
            assertThat(decision.reasons()).containsExactly(Reason.VOD);
        }

        @Test
        void discontinuesOverEveryHoldReasonAndListsThemAll() {
            var decision = aPlannedDose()
                    .vodDiagnosed()
                    .bilirubin("2.0", "1.2")
                    .ast("130", "40")
                    .pretreatmentCounts("0.5", "20")
                    .counts("0.4", "10")
                    .plateletTransfusionWithin24h()
                    .decide();

            assertThat(decision.action()).isEqualTo(Action.DISCONTINUE);
            assertThat(decision.reasons())
                    .containsExactly(Reason.VOD, Reason.HEPATIC, Reason.LFT_GRADE2, Reason.COUNTS_NOT_RECOVERED);
            assertThat(decision.clinicianMayOverride()).isFalse();
        }
    }

    @Nested
    class AsAssessment {

        private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

        @ParameterizedTest(name = "{0} -> grade {1}")
        @CsvSource({"DISCONTINUE, 2", "HOLD, 1", "PROCEED, 0"})
        void gradesTheAction(Action action, int grade) {
            var decision = new PreDoseDecision(action, List.of(), false, false, List.of("why"));

            var assessment = BesponsaPreDoseDecision.asAssessment(decision, AT, List.of());

            assertThat(assessment.criterion()).isEqualTo(Criterion.BESPONSA_PRE_DOSE);
            assertThat(assessment.grade()).isEqualTo(grade);
            assertThat(assessment.assessedAt()).isEqualTo(AT);
        }

        @Test
        void recordsEachRuleAsAThresholdAndKeepsTheEvidence() {
            var decision = aPlannedDose().alt("121", "40").decide();
            var alt = liverEvidence("1742-6", new ReferenceRange(null, new BigDecimal("40")));

            var assessment = BesponsaPreDoseDecision.asAssessment(decision, AT, List.of(alt));

            assertThat(assessment.thresholds())
                    .extracting(AppliedThreshold::grade, AppliedThreshold::met)
                    .containsExactly(
                            tuple(2, false),
                            tuple(1, false),
                            tuple(1, true),
                            tuple(1, false),
                            tuple(1, false),
                            tuple(1, false));
            assertThat(assessment.evidence()).containsExactly(alt);
            assertThat(assessment.summary()).startsWith("BESPONSA pre-dose decision: HOLD (LFT_GRADE2). LFT_GRADE2:");
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.REPORTED);
        }

        @Test
        void marksTheDefaultUlnWhenALiverTestCameWithoutARange() {
            var decision = aPlannedDose().decide();

            var assessment = BesponsaPreDoseDecision.asAssessment(decision, AT, List.of(liverEvidence("1975-2", null)));

            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
        }

        @Test
        void saysWhenTheClinicianMayOverride() {
            var decision = aPlannedDose()
                    .pretreatmentCounts("0.5", "20")
                    .counts("0.4", "10")
                    .decide();

            var assessment = BesponsaPreDoseDecision.asAssessment(decision, AT, List.of());

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary()).endsWith("The clinician may override this hold.");
        }

        private static Evidence liverEvidence(String loinc, @Nullable ReferenceRange range) {
            return new Evidence(
                    UUID.randomUUID(), loinc, loinc, BigDecimal.ONE, "U/L", BigDecimal.ONE, "U/L", range, AT, "msg-1");
        }
    }

    @Test
    void rejectsADoseDayTheLabelDoesNotSchedule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> aPlannedDose().on(2, 2).inputs())
                .withMessageContaining("days 1, 8 and 15");
    }
}
