package org.toxwatch.alerting.console.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;

/** Issue 13 item 2: the alert page speaks as a ward does, never in UCUM codes, enum constants or {@code v}. */
class ClinicalWordingTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10*9/L  | 10⁹/L
            10*12/L | 10¹²/L
            10*3/uL | 10³/µL
            umol/L  | µmol/L
            Cel     | °C
            [degF]  | °F
            mm[Hg]  | mmHg
            L/min   | L/min
            U/L     | U/L
            g/dL    | g/dL
            """)
    void writesUnitsAsAWardDoes(String ucum, String written) {
        assertThat(ClinicalWording.unit(ucum)).isEqualTo(written);
    }

    @Test
    void aPowerOfTenIsAMultiplierOfTheValue() {
        assertThat(ClinicalWording.quantity(new BigDecimal("0.4"), "10*9/L")).isEqualTo("0.4 × 10⁹/L");
        assertThat(ClinicalWording.quantity(new BigDecimal("38.6"), "Cel")).isEqualTo("38.6 °C");
        assertThat(ClinicalWording.quantity(null, "Cel")).isEqualTo("—");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NEUTROPHIL_COUNT_DECREASED         | v < 0.5 10*9/L                | ANC < 0.5 × 10⁹/L
            PLATELET_COUNT_DECREASED           | 25.0 <= v < 50.0 10*9/L       | 25.0 ≤ platelets < 50.0 × 10⁹/L
            PLATELET_COUNT_DECREASED           | v < LLN and v >= 75.0 10*9/L; LLN = 150 10*9/L (default) | platelets < LLN and platelets ≥ 75.0 × 10⁹/L; LLN = 150 × 10⁹/L (default)
            ALANINE_AMINOTRANSFERASE_INCREASED | v > 20.0 x ULN; ULN = 40 U/L  | ALT > 20.0 × ULN; ULN = 40 U/L
            BLOOD_BILIRUBIN_INCREASED          | v > 10.0 x ULN; ULN = 21 umol/L | bilirubin > 10.0 × ULN; ULN = 21 µmol/L
            ANEMIA                             | v < 8.0 g/dL                  | Hb < 8.0 g/dL
            FEBRILE_NEUTROPENIA                | ANC < 1.0 10*9/L              | ANC < 1.0 × 10⁹/L
            CYTOKINE_RELEASE_SYNDROME          | single temperature > 38.3 Cel or >= 38.0 Cel sustained > 60 min | single temperature > 38.3 °C or ≥ 38.0 °C sustained > 60 min
            """)
    void writesAConditionOfTheCriteriaTableWithTheAnalyteItIsAbout(
            Criterion criterion, String condition, String written) {
        assertThat(ClinicalWording.condition(criterion, condition)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cytokine_release_syndrome grade >= 2 -> high | cytokine release syndrome grade ≥ 2 → high
            grade 4 -> high                               | grade 4 → high
            low — awaiting confirmation                   | low — awaiting confirmation
            """)
    void saysWhyTheAlertHasItsPriorityInWords(String reason, String written) {
        assertThat(ClinicalWording.priorityReason(reason)).isEqualTo(written);
    }

    @Nested
    class Evidence_ {

        @Test
        void oxygenReadsAsTheDeviceAndItsFlow() {
            var oxygen = evidence("107117-4", "Oxygen delivery: NASAL_CANNULA", "8", "L/min", null, null);

            assertThat(ClinicalWording.name(oxygen)).isEqualTo("Oxygen");
            assertThat(ClinicalWording.reading(oxygen)).isEqualTo("nasal cannula 8 L/min");
        }

        @Test
        void aNasalCannulaWithoutAFlowSaysSo() {
            var oxygen = evidence("107117-4", "Oxygen delivery: NASAL_CANNULA", null, null, null, null);

            assertThat(ClinicalWording.reading(oxygen)).isEqualTo("nasal cannula, no flow recorded");
        }

        @Test
        void highFlowOxygenAndRoomAirAreWords() {
            assertThat(ClinicalWording.reading(evidence(
                            "107117-4", "Oxygen delivery: HIGH_FLOW_NASAL_CANNULA", "40", "L/min", null, null)))
                    .isEqualTo("high-flow nasal cannula 40 L/min");
            assertThat(ClinicalWording.reading(evidence("107117-4", "Oxygen delivery: NONE", null, null, null, null)))
                    .isEqualTo("room air");
        }

        @Test
        void aLabValueReportedInAnotherUnitShowsBoth() {
            var bilirubin = evidence("1975-2", "Bilirubin.total", "2.1", "mg/dL", "35.9", "umol/L");

            assertThat(ClinicalWording.reading(bilirubin)).isEqualTo("2.1 mg/dL (= 35.9 µmol/L)");
        }

        @Test
        void aCountReadsWithItsMultiplierAndRange() {
            var anc = evidence("751-8", "Neutrophils [#/volume] in Blood", "0.4", "10*9/L", "0.4", "10*9/L");

            assertThat(ClinicalWording.reading(anc)).isEqualTo("0.4 × 10⁹/L");
            assertThat(ClinicalWording.range(
                            new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")), "10*9/L"))
                    .isEqualTo("1.8–7.7 × 10⁹/L");
            assertThat(ClinicalWording.range(new ReferenceRange(null, new BigDecimal("40")), "U/L"))
                    .isEqualTo("≤ 40 U/L");
            assertThat(ClinicalWording.range(null, "U/L")).isEqualTo("—");
        }

        @Test
        void drugsAndFindingsAreWordsNotConstants() {
            assertThat(ClinicalWording.name(
                            evidence("supportive-drug", "TOCILIZUMAB given after the fever", null, null, null, null)))
                    .isEqualTo("tocilizumab given after the fever");
            assertThat(ClinicalWording.name(evidence(
                            "PAINFUL_HEPATOMEGALY", "Clinician finding: PAINFUL_HEPATOMEGALY", null, null, null, null)))
                    .isEqualTo("Clinician finding: painful hepatomegaly");
        }
    }

    @ParameterizedTest(name = "{0} day {1} / infusion day {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            CAR_T                 | 10   | 5    | CAR-T day +5
            CAR_T                 | 5    | 0    | CAR-T day 0
            CAR_T                 | 3    | null | CAR-T, day 3 after lymphodepletion, not yet infused
            BLINATUMOMAB          | 0    | null | BLINCYTO D1
            BLINATUMOMAB          | 2    | null | BLINCYTO D3
            INOTUZUMAB_OZOGAMICIN | 7    | null | BESPONSA D8
            """)
    void namesTheTherapyDayAsTheTeamCountsIt(
            Therapy therapy, @Nullable Integer dayOfTherapy, @Nullable Integer daySinceInfusion, String written) {
        assertThat(ClinicalWording.therapyDay(new TherapyContext(therapy, AT, dayOfTherapy, daySinceInfusion)))
                .isEqualTo(written);
    }

    @Test
    void noTherapyNoDay() {
        assertThat(ClinicalWording.therapyDay(null)).isNull();
    }

    private static Evidence evidence(
            String code,
            String display,
            @Nullable String value,
            @Nullable String unit,
            @Nullable String canonicalValue,
            @Nullable String canonicalUnit) {
        return new Evidence(
                UUID.randomUUID(),
                code,
                display,
                value == null ? null : new BigDecimal(value),
                unit,
                canonicalValue == null ? null : new BigDecimal(canonicalValue),
                canonicalUnit,
                null,
                AT,
                "msg-1");
    }
}
