package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.lab.Probe;
import org.toxwatch.monitoring.domain.lab.Quantity;
import org.toxwatch.monitoring.domain.lab.ReportedLabs;
import org.toxwatch.monitoring.domain.liversignals.VodSosRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 3 for the rules that are not CTCAE lab terms: febrile neutropenia, ICAHT, Hy's law, VOD/SOS and the
 * BESPONSA and BLINCYTO decisions run over every value a censored result allows. One outcome at every end is given
 * with the caveat; otherwise a grade is "at least" the one every value reaches (not assessable when that is 0), and a
 * dose decision takes the more restrictive outcome. The bound is never read as the value.
 */
class ToxicityGraderCensoredInputsTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    /** {@code lab} reported as {@code written}, e.g. {@code <0.1}. */
    private static LabResultRecorded reported(PatientEvents.Lab lab, String written) {
        var symbol = written.replaceAll("[0-9.]", "");
        var exact = lab.value(written.substring(symbol.length())).build();
        var comparator =
                symbol.isEmpty() ? null : ValueComparator.ofSymbol(symbol).orElseThrow();
        return ReportedLabs.with(exact, comparator, List.of(), null, null);
    }

    private static LabResultRecorded anc(Instant at, String written) {
        return reported(aLab(Analyte.ANC).range("1.8", "7.7").at(at), written);
    }

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private static void assertCertain(Assessment assessment, int grade, String censored) {
        assertThat(assessment.grade()).isEqualTo(grade);
        assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(assessment.summary()).contains(censored).contains("for every value");
        assertThat(assessment.evidence())
                .anySatisfy(e -> assertThat(e.display()).contains("censored: " + censored));
    }

    private static void assertNotCertain(Assessment assessment, String censored) {
        assertThat(assessment.isGraded()).isFalse();
        assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(assessment.notAssessableReason()).contains(censored).contains("no abnormal grade is certain");
    }

    @Nested
    class FebrileNeutropenia {

        private Assessment withFeverAndAnc(String anc) {
            var state = PatientState.empty(PATIENT)
                    .apply(vitalsAt(T).temperature("38.9").build())
                    .apply(anc(T.plus(Duration.ofHours(1)), anc));
            return of(state, Criterion.FEBRILE_NEUTROPENIA);
        }

        @Test
        void anAncBelow0Point1WithFeverIsFebrileNeutropeniaGrade3() {
            assertCertain(withFeverAndAnc("<0.1"), 3, "<0.1");
        }

        @Test
        void anAncBelow1Point0IsNeutropenicForEveryValueItAllows() {
            assertCertain(withFeverAndAnc("<1.0"), 3, "<1.0");
        }

        @Test
        void anAncAbove0Point3IsNotCertainlyNeutropenicSoFebrileNeutropeniaIsNotAssessable() {
            assertNotCertain(withFeverAndAnc(">0.3"), ">0.3");
        }

        @Test
        void anAncOfAtMost1Point0IncludesExactly1Point0WhichIsNotNeutropenic() {
            assertNotCertain(withFeverAndAnc("<=1.0"), "<=1.0");
        }

        @Test
        void aCensoredAncTheFeverIsNotPairedWithChangesNothing() {
            var state = PatientState.empty(PATIENT)
                    .apply(anc(T.minus(Duration.ofDays(5)), ">0.3"))
                    .apply(vitalsAt(T).temperature("38.9").build())
                    .apply(anc(T.plus(Duration.ofHours(1)), "0.5"));

            var fn = of(state, Criterion.FEBRILE_NEUTROPENIA);

            assertThat(fn.grade()).isEqualTo(3);
            assertThat(fn.caveats()).doesNotContain(AssessmentCaveat.CENSORED_RESULT);
            assertThat(fn.summary()).contains("ANC 0.5");
        }

        @Test
        void anAncOfAtLeast1Point0RulesFebrileNeutropeniaOut() {
            assertCertain(withFeverAndAnc(">=1.0"), 0, ">=1.0");
        }
    }

    @Nested
    class EarlyIcaht {

        /** ANC of each day 0-30 after infusion: {@code firstWeek} on days 0-6, {@code secondWeek} 7-13, 1.0 later. */
        private Assessment days(String firstWeek, String secondWeek) {
            var state = PatientState.empty(PATIENT)
                    .apply(enrolled(Therapy.CAR_T, T.minus(Duration.ofDays(5))))
                    .apply(carTInfused(T));
            for (int day = 0; day <= 30; day++) {
                var written = day < 7 ? firstWeek : day < 14 ? secondWeek : "1.0";
                state = state.apply(anc(T.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), written));
            }
            return of(state, Criterion.ICAHT_EARLY);
        }

        @Test
        void aDayWithAnAncBelow0Point1CountsAsAtOrBelow100() {
            // D100 = 7 days: grade 3, whatever the values below 0.1 were
            assertCertain(days("<0.1", "1.0"), 3, "<0.1");
        }

        @Test
        void aDayAbove0Point4IsNotCountedAtOrBelow500UnlessCertainSoOnlyTheCertainGradeIsGiven() {
            var early = days("0.3", ">0.4");

            // D500 is 7 (grade 2) if the second week's values were above 500, 14 (grade 3) if they were 401-500
            assertThat(early.grade()).isEqualTo(2);
            assertThat(early.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
            assertThat(early.summary())
                    .startsWith("At least grade 2")
                    .contains(">0.4")
                    .contains("grades 2 to 3");
        }

        @Test
        void aDayAbove0Point5IsCertainlyNotAtOrBelow500() {
            assertCertain(days("0.3", ">0.5"), 2, ">0.5");
        }

        @Test
        void aDayOfAtMost0Point5IsCertainlyAtOrBelow500() {
            assertCertain(days("0.3", "<=0.5"), 3, "<=0.5");
        }
    }

    @Nested
    class HysLaw {

        /** ALT 130 U/L (3.25 x ULN 40) with a bilirubin (ULN 1.2 mg/dL, so 2 x ULN = 2.4) 20 h later. */
        private Assessment withBilirubin(String bilirubin) {
            var state = PatientState.empty(PATIENT)
                    .apply(aLab(Analyte.ALT)
                            .value("130")
                            .range(null, "40")
                            .at(T)
                            .build())
                    .apply(reported(
                            aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(T.plus(Duration.ofHours(20))),
                            bilirubin));
            return of(state, Criterion.HYS_LAW);
        }

        @Test
        void aBilirubinBelow2Point5IsNotTakenAsRaised() {
            assertNotCertain(withBilirubin("<2.5"), "<2.5");
        }

        @Test
        void aBilirubinAbove2Point0MayOrMayNotBeAboveTwiceTheUln() {
            assertNotCertain(withBilirubin(">2.0"), ">2.0");
        }

        @Test
        void aBilirubinAboveTwiceTheUlnIsASignalForEveryValueItAllows() {
            assertCertain(withBilirubin(">2.4"), 1, ">2.4");
        }

        @Test
        void aBilirubinOfAtMostTwiceTheUlnIsNoSignal() {
            assertCertain(withBilirubin("<=2.4"), 0, "<=2.4");
        }
    }

    @Nested
    class VodSos {

        private final Instant firstDose = Instant.parse("2026-03-01T10:00:00Z");

        /** Weight 60.0 -> 60.5 kg (no gain above 5%) on day 5 after the first inotuzumab dose, with a bilirubin (mg/dL). */
        private Assessment withBilirubin(String bilirubin) {
            var state = PatientState.empty(PATIENT)
                    .apply(vitalsAt(firstDose.minus(Duration.ofHours(20)))
                            .weight("60.0")
                            .build())
                    .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, firstDose, 1, 1))
                    .apply(vitalsAt(firstDose.plus(Duration.ofDays(5)))
                            .weight("60.5")
                            .build())
                    .apply(reported(
                            aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(firstDose.plus(Duration.ofDays(5))),
                            bilirubin));
            return of(state, Criterion.VOD_SOS);
        }

        @Test
        void aBilirubinOfAtLeast2Point0MeetsTheBilirubinCriterion() {
            assertCertain(withBilirubin(">=2.0"), VodSosRule.PARTIAL, ">=2.0");
        }

        @Test
        void aBilirubinBelow2Point5IsNotTakenAsAtLeast2() {
            assertNotCertain(withBilirubin("<2.5"), "<2.5");
        }

        @Test
        void aBilirubinBelow2Point0CertainlyMissesTheBilirubinCriterion() {
            assertCertain(withBilirubin("<2.0"), VodSosRule.NOT_MET, "<2.0");
        }
    }

    @Nested
    class BesponsaPreDose {

        private static final Instant C1D1 = Instant.parse("2026-03-01T10:00:00Z");
        private static final int PROCEED = 0;
        private static final int HOLD = 1;

        private static Instant day(int cycleDay) {
            return C1D1.plus(Duration.ofDays(cycleDay - 1));
        }

        /** ANC, platelets (10*9/L), bilirubin (umol/L, ULN 21), AST (ULN 40), ALT (ULN 45), each as reported. */
        private static PatientState labs(
                PatientState state, Instant at, String anc, String platelets, String bilirubin, String ast) {
            return state.apply(anc(at, anc))
                    .apply(reported(aLab(Analyte.PLATELETS).range("150", "400").at(at), platelets))
                    .apply(reported(
                            aLab(Analyte.TOTAL_BILIRUBIN)
                                    .unit("umol/L")
                                    .range("3", "21")
                                    .at(at),
                            bilirubin))
                    .apply(reported(aLab(Analyte.AST).range("10", "40").at(at), ast))
                    .apply(aLab(Analyte.ALT).value("30").range("7", "45").at(at).build());
        }

        private static PatientState firstDoseGiven() {
            return labs(PatientState.empty(PATIENT), C1D1.minus(Duration.ofHours(3)), "2.0", "150", "10", "30")
                    .apply(enrolled(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1.minus(Duration.ofHours(1))))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1));
        }

        private Assessment beforeCycle2Day1(String anc, String platelets) {
            var state = firstDoseGiven()
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(8), 1, 8))
                    .apply(dose(Therapy.INOTUZUMAB_OZOGAMICIN, day(15), 1, 15));
            return of(
                    labs(state, day(22).minus(Duration.ofHours(4)), anc, platelets, "12", "35"),
                    Criterion.BESPONSA_PRE_DOSE);
        }

        private Assessment beforeDay8(String bilirubin, String ast) {
            return of(
                    labs(firstDoseGiven(), day(8).minus(Duration.ofHours(4)), "1.9", "140", bilirubin, ast),
                    Criterion.BESPONSA_PRE_DOSE);
        }

        @Test
        void anAncBelow0Point5HoldsCycle2Day1ForEveryValueItAllows() {
            assertCertain(beforeCycle2Day1("<0.5", "120"), HOLD, "<0.5");
        }

        @Test
        void anAncOfAtLeast1Point0ProceedsForEveryValueItAllows() {
            assertCertain(beforeCycle2Day1(">=1.0", "120"), PROCEED, ">=1.0");
        }

        @ParameterizedTest
        @CsvSource({">0.5, 120, >0.5", "1.5, >40, >40"})
        void aCountThatMayBeEitherSideOfItsThresholdLeavesTheDecisionUncertainSoTheDoseIsHeld(
                String anc, String platelets, String censored) {
            var decision = beforeCycle2Day1(anc, platelets);

            assertThat(decision.grade()).isEqualTo(HOLD);
            assertThat(decision.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
            assertThat(decision.summary())
                    .startsWith(
                            "For the next planned dose, cycle 2 day 1: BESPONSA pre-dose decision: HOLD: the censored result")
                    .contains("does not auto-PROCEED")
                    .contains(censored)
                    .contains("leaves the decision uncertain (PROCEED to HOLD");
        }

        @Test
        void aBilirubinAbove1Point5TimesUlnWithAstAbove2Point5TimesUlnHoldsForEveryValueItAllows() {
            assertCertain(beforeDay8(">31.5", "101"), HOLD, ">31.5");
        }

        @Test
        void aBilirubinOfAtMost1Point5TimesUlnProceeds() {
            assertCertain(beforeDay8("<=31.5", "101"), PROCEED, "<=31.5");
        }

        @Test
        void aBilirubinBelow40UmolPerLitreMayBeAbove1Point5TimesUlnSoTheDoseIsHeld() {
            var decision = beforeDay8("<40", "101");

            assertThat(decision.grade()).isEqualTo(HOLD);
            assertThat(decision.summary()).contains("<40").contains("uncertain");
        }

        @Test
        void aCensoredAstAndACensoredBilirubinAreJudgedTogether() {
            // bilirubin certainly > 1.5 x ULN; AST certainly > 2.5 x ULN (100): HEPATIC at every corner
            assertCertain(beforeDay8(">40", ">100"), HOLD, ">100");
        }
    }

    @Nested
    class BlincytoAction {

        private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

        private Assessment withAlt(String alt) {
            var state = PatientState.empty(PATIENT)
                    .apply(infusionStarted(START))
                    .apply(reported(aLab(Analyte.ALT).range("7", "40").at(START.plus(Duration.ofHours(20))), alt));
            return of(state, Criterion.BLINCYTO_ACTION);
        }

        /** The same ANC, as reported, every day from day 0 to day 7 of the infusion: eight censored results. */
        private Assessment withDailyAnc(String written) {
            var state = PatientState.empty(PATIENT).apply(infusionStarted(START));
            for (int day = 0; day <= 7; day++) {
                state = state.apply(anc(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)), written));
            }
            return of(state, Criterion.BLINCYTO_ACTION);
        }

        @Test
        void eightDaysOfAnAncBelow0Point1AreProlongedGrade4NeutropeniaForEveryValueTheyAllow() {
            assertCertain(withDailyAnc("<0.1"), 1, "<0.1");
        }

        @Test
        void eightDaysOfAnAncAbove0Point4MayNotBeGrade4SoTheActionIsUncertainAndInterrupts() {
            var action = withDailyAnc(">0.4");

            assertThat(action.grade()).isEqualTo(1);
            assertThat(action.summary()).contains(">0.4").contains("uncertain (no action to INTERRUPT");
        }

        @Test
        void aBilirubinAboveThreeTimesUlnInterruptsForEveryValueItAllows() {
            var state = PatientState.empty(PATIENT)
                    .apply(infusionStarted(START))
                    .apply(reported(
                            aLab(Analyte.TOTAL_BILIRUBIN).range("0.1", "1.2").at(START.plus(Duration.ofHours(20))),
                            ">3.6"));

            assertCertain(of(state, Criterion.BLINCYTO_ACTION), 1, ">3.6");
        }

        @Test
        void anAltAboveFiveTimesUlnInterruptsForEveryValueItAllows() {
            assertCertain(withAlt(">200"), 1, ">200");
        }

        @Test
        void anAltBelowFiveTimesUlnNeedsNoActionForEveryValueItAllows() {
            assertCertain(withAlt("<200"), 0, "<200");
        }

        @Test
        void anAltThatMayBeAboveFiveTimesUlnLeavesTheActionUncertainSoItInterrupts() {
            var action = withAlt(">150");

            assertThat(action.grade()).isEqualTo(1);
            assertThat(action.summary())
                    .startsWith("BLINCYTO action: INTERRUPT: the censored result")
                    .contains(">150")
                    .contains("uncertain (no action to INTERRUPT");
        }
    }

    @Nested
    class StandIns {

        /**
         * The exact decimals the rules see compare with every threshold as H3's probes do: just below 0.1 is below
         * 0.1 and above 0.0999; below everything is below the lowest threshold.
         */
        @ParameterizedTest
        @CsvSource({
            "0.1, <, 0.1",
            "0.1, <, 0.0999",
            "0.1, <=, 0.1",
            "0.3, >, 0.3",
            "0.3, >, 0.5",
            "0.3, >=, 0.3",
            "2.4, >, 2.4",
            "2.4, <, 0.001",
            "2.4, >, 100000"
        })
        void standInsCompareWithEveryThresholdAsTheProbesDo(String bound, String symbol, String threshold) {
            var comparator = ValueComparator.ofSymbol(symbol).orElseThrow();
            var result = ReportedLabs.reported(Analyte.ANC, symbol + bound, "10*9/L", "1.8", "7.7");
            var resolution = CensoredInputs.Resolution.of(List.of(result));
            var t = new BigDecimal(threshold);

            for (var end : result.ends()) {
                Probe probe = end.probe();
                var expected = Quantity.canonical(new BigDecimal(bound), "10*9/L")
                        .censored(comparator, probe)
                        .compareToCanonical(t);
                var standIn = resolution.at(new BigDecimal(bound), probe);

                assertThat(Integer.signum(standIn.compareTo(t)))
                        .as("%s%s at %s against %s", symbol, bound, probe, threshold)
                        .isEqualTo(expected);
            }
        }
    }
}
