package org.toxwatch.monitoring.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 items 3 and 5: the calculator takes what a clinician or a laboratory writes (temperatures in
 * Fahrenheit, every unit spelling ingest accepts, censored values) and grades it as the stream grades the same
 * course arriving through ingest.
 */
class WhatIfReportedInputsTest {

    private static final String PATIENT = "what-if-reported";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WhatIfCalculator calculator = new WhatIfCalculator(new ToxicityGrader(ZoneId.of("UTC")));

    private List<Assessment> grade(String body) {
        var request = json.readValue(body, WhatIfRequest.class);
        return calculator.grade(request.patient(), request.toEvents());
    }

    private static Assessment of(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + criterion + " in " + assessments));
    }

    /** A blinatumomab infusion since 08:00 (a CRS window) and one vital-signs set at 14:00. */
    private static String onBlinatumomabWith(String vitals) {
        return """
                {"patientId": "%s",
                 "therapyEvents": [
                   {"type": "ENROLLED", "occurredAt": "2026-11-10T08:00:00Z", "therapy": "BLINATUMOMAB"},
                   {"type": "INFUSION_STARTED", "occurredAt": "2026-11-10T08:00:00Z", "therapy": "BLINATUMOMAB",
                    "cycle": 1}
                 ],
                 "vitalSigns": [{"observedAt": "2026-11-10T14:00:00Z", %s}]}
                """.formatted(PATIENT, vitals);
    }

    @Nested
    class Temperatures {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "\"temperatureCelsius\": 38.5",
                    "\"temperature\": 38.5, \"temperatureUnit\": \"Cel\"",
                    "\"temperature\": 38.5, \"temperatureUnit\": \"°C\"",
                    "\"temperature\": 101.3, \"temperatureUnit\": \"[degF]\"",
                    "\"temperature\": 101.3, \"temperatureUnit\": \"°F\"",
                    "\"temperature\": 101.3, \"temperatureUnit\": \"degF\"",
                    "\"temperature\": 101.3, \"temperatureUnit\": \"F\"",
                })
        void aNasalCannulaAtEightLitresWithFeverIsCrsGrade3HoweverTheFeverIsWritten(String temperature) {
            var assessments = grade(onBlinatumomabWith(
                    temperature + ", \"oxygenDevice\": \"NASAL_CANNULA\", \"oxygenFlowLitresPerMinute\": 8"));

            assertThat(of(assessments, Criterion.CYTOKINE_RELEASE_SYNDROME).grade())
                    .isEqualTo(3);
        }

        @Test
        void theSameCourseAsIngestSendsItDeviceAndFlowApartGradesTheSame() {
            // HL7, FHIR and JSON carry the device and its flow as two observations: two vital-sign events of one moment
            var at = Instant.parse("2026-11-10T14:00:00Z");
            var events = List.<ClinicalEvent>of(
                    therapy(TherapyEventType.ENROLLED, Instant.parse("2026-11-10T08:00:00Z")),
                    therapy(TherapyEventType.INFUSION_STARTED, Instant.parse("2026-11-10T08:00:00Z")),
                    vitals(at, "38.5", null, null),
                    vitals(at, null, OxygenDevice.NASAL_CANNULA, null),
                    vitals(at, null, null, "8"));

            var asIngestSendsIt = calculator.grade(PATIENT, events);
            var asTheCalculatorIsAsked = grade(onBlinatumomabWith(
                    "\"temperature\": 101.3, \"temperatureUnit\": \"°F\", \"oxygenDevice\": \"NASAL_CANNULA\","
                            + " \"oxygenFlowLitresPerMinute\": 8"));

            assertThat(of(asIngestSendsIt, Criterion.CYTOKINE_RELEASE_SYNDROME).grade())
                    .isEqualTo(of(asTheCalculatorIsAsked, Criterion.CYTOKINE_RELEASE_SYNDROME)
                            .grade())
                    .isEqualTo(3);
        }

        @ParameterizedTest(name = "{0} °F -> CRS grade {1}")
        @CsvSource({
            "100.4, 1", // 38.0 C: fever (CRITERIA.md 4.2, inclusive)
            "100.3, 0", // 37.94 C
        })
        void fahrenheitIsConvertedBeforeTheFeverThreshold(String fahrenheit, int crsGrade) {
            var assessments = grade(onBlinatumomabWith(
                    "\"temperature\": " + fahrenheit + ", \"temperatureUnit\": \"°F\", \"oxygenDevice\": \"NONE\""));

            assertThat(of(assessments, Criterion.CYTOKINE_RELEASE_SYNDROME).grade())
                    .isEqualTo(crsGrade);
        }

        @Test
        void aTemperatureWithoutItsUnitIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> grade(onBlinatumomabWith("\"temperature\": 38.5")))
                    .withMessageContaining("temperatureUnit");
        }

        @Test
        void aTemperatureGivenTwiceIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> grade(onBlinatumomabWith(
                            "\"temperatureCelsius\": 38.5, \"temperature\": 101.3, \"temperatureUnit\": \"°F\"")))
                    .withMessageContaining("not both");
        }

        @Test
        void aUnitThatIsNoTemperatureIsRefusedWithTheAcceptedOnes() {
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> grade(onBlinatumomabWith("\"temperature\": 311.6, \"temperatureUnit\": \"mmHg\"")))
                    .withMessageContaining("[degF]");
        }
    }

    @Nested
    class LabUnitsAsLaboratoriesWriteThem {

        private static String lab(String loinc, String value, String unit, String low, String high) {
            return """
                    {"labResults": [{"loinc": "%s", "value": %s, "unit": "%s", "observedAt": "2026-11-10T09:00:00Z",
                      "referenceRange": {"low": %s, "high": %s}}]}
                    """.formatted(loinc, value, unit, low, high);
        }

        @ParameterizedTest(name = "ANC 0.4 {0} -> grade 4")
        @ValueSource(strings = {"10*9/L", "K/uL", "x10E3/uL", "10^3/uL", "thou/uL", "x10^9/L", "10*3/uL"})
        void anAncInAnyThousandPerMicrolitreSpellingIsGrade4(String unit) {
            var anc = of(grade(lab("751-8", "0.4", unit, "1.8", "7.7")), Criterion.NEUTROPHIL_COUNT_DECREASED);

            assertThat(anc.grade()).isEqualTo(4);
        }

        @Test
        void theSendersSpellingStaysInTheEvidence() {
            var anc = of(grade(lab("751-8", "0.4", "K/uL", "1.8", "7.7")), Criterion.NEUTROPHIL_COUNT_DECREASED);

            assertThat(anc.evidence().getFirst().display()).isEqualTo("ANC (reported unit K/uL)");
            assertThat(anc.evidence().getFirst().canonicalUnit()).isEqualTo("10*9/L");
        }

        @ParameterizedTest(name = "{0} {1} {2} -> grade {5}")
        @CsvSource({
            "751-8,  400,  cells/uL, 1800, 7700, 4",
            "751-8,  400,  /mm3,     1800, 7700, 4",
            "2823-3, 6.5,  mEq/L,    3.5,  5.1,  3",
            "2823-3, 6.5,  mmol/l,   3.5,  5.1,  3",
            "1742-6, 130,  IU/L,     0,    40,   2",
            "718-7,  7.9,  g/dl,     12,   17.5, 3",
            "1975-2, 22,   µmol/L,   3,    21,   1",
        })
        void everySpellingIngestAcceptsGradesAsItsUcumUnit(
                String loinc, String value, String unit, String low, String high, int grade) {
            var assessments = grade(lab(loinc, value, unit, low, high));

            assertThat(assessments)
                    .filteredOn(Assessment::isGraded)
                    .extracting(Assessment::grade)
                    .contains(grade);
        }
    }

    @Nested
    class CensoredValues {

        private List<Assessment> anc(String value, String comparator) {
            return grade("""
                    {"labResults": [{"loinc": "751-8", "value": %s, "unit": "K/uL", "comparator": "%s",
                      "observedAt": "2026-11-10T09:00:00Z", "referenceRange": {"low": 1.8, "high": 7.7}}]}
                    """.formatted(value, comparator));
        }

        @Test
        void anAncBelowItsDetectionLimitIsGrade4WithTheCaveat() {
            var anc = of(anc("0.1", "<"), Criterion.NEUTROPHIL_COUNT_DECREASED);

            assertThat(anc.grade()).isEqualTo(4);
            assertThat(anc.caveats()).containsExactly(AssessmentCaveat.CENSORED_RESULT);
            assertThat(anc.evidence().getFirst().display()).isEqualTo("ANC (censored: <0.1; reported unit K/uL)");
        }

        @Test
        void aBoundThatIncludesALessSevereGradeIsAtLeastThatGrade() {
            var anc = of(anc("0.5", "<="), Criterion.NEUTROPHIL_COUNT_DECREASED);

            assertThat(anc.grade()).isEqualTo(3);
            assertThat(anc.summary()).startsWith("At least grade 3 (censored result <=0.5");
        }

        @Test
        void theContractsNameOfTheComparatorIsAcceptedToo() {
            assertThat(of(anc("0.1", "LESS_THAN"), Criterion.NEUTROPHIL_COUNT_DECREASED)
                            .grade())
                    .isEqualTo(4);
        }

        @Test
        void anUnknownComparatorIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> anc("0.1", "~"))
                    .withMessageContaining("<=");
        }

        @Test
        void aHemolyzedPotassiumCarriesItsCaveat() {
            var hyperkalemia = of(grade("""
                            {"labResults": [{"loinc": "2823-3", "value": 6.5, "unit": "mEq/L",
                              "observedAt": "2026-11-10T09:00:00Z", "referenceRange": {"low": 3.5, "high": 5.1},
                              "specimenConditions": ["HEMOLYZED"]}]}
                            """), Criterion.HYPERKALEMIA);

            assertThat(hyperkalemia.grade()).isEqualTo(3);
            assertThat(hyperkalemia.caveats()).containsExactly(AssessmentCaveat.HEMOLYZED_SPECIMEN);
        }
    }

    private static ClinicalEvent therapy(TherapyEventType type, Instant at) {
        return new ClinicalEvent.Therapy(new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at,
                "ehr",
                "tx-" + UUID.randomUUID(),
                type,
                Therapy.BLINATUMOMAB,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private static ClinicalEvent vitals(
            Instant at, @Nullable String celsius, @Nullable OxygenDevice device, @Nullable String flow) {
        return new ClinicalEvent.Vitals(new VitalSignsRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(60),
                "ward-monitor",
                "vs-" + UUID.randomUUID(),
                celsius == null ? null : new BigDecimal(celsius),
                null,
                null,
                null,
                null,
                null,
                null,
                device,
                flow == null ? null : new BigDecimal(flow),
                null,
                ResultStatus.FINAL));
    }
}
