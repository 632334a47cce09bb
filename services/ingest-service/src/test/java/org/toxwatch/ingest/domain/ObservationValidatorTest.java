package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.ValueComparator;

class ObservationValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final ObservationValidator validator = new ObservationValidator(Duration.ofMinutes(5));

    private static ObservationSubmission anc(String value, String unit) {
        return new ObservationSubmission(
                "MRN-0001",
                "751-8",
                value == null ? null : new BigDecimal(value),
                null,
                unit,
                Instant.parse("2026-11-20T08:00:00Z"),
                new BigDecimal("1.8"),
                new BigDecimal("7.7"),
                null,
                "lab-42",
                null,
                null);
    }

    private static ObservationSubmission vital(String loinc, String value, String unit) {
        return new ObservationSubmission(
                "MRN-0001",
                loinc,
                new BigDecimal(value),
                null,
                unit,
                NOW.minusSeconds(60),
                null,
                null,
                null,
                "v-1",
                null,
                null);
    }

    @Test
    void acceptsTheFoundationExampleBody() {
        assertThat(validator.validate(anc("0.4", "10*9/L"), NOW)).isEmpty();
    }

    @Test
    void listsEveryMissingFieldAtOnce() {
        var empty =
                new ObservationSubmission(null, "751-8", null, null, null, null, null, null, null, null, null, null);

        assertThat(validator.validate(empty, NOW))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("patientId", "sourceMessageId", "effectiveTime", "value", "unit");
    }

    @ParameterizedTest(name = "{0} {1} is accepted for ANC")
    @CsvSource({"0.4, 10*9/L", "400, /uL", "400, cells/uL", "0.4, 10*3/uL", "0.4, G/L", "400, /mm3"})
    void acceptsEveryCountUnitOfCriteriaSection13(String value, String unit) {
        assertThat(validator.validate(anc(value, unit), NOW)).isEmpty();
    }

    @Test
    void rejectsAUnitThatIsNotAUnitOfTheAnalyteByName() {
        assertThat(validator.validate(anc("0.4", "mg/dL"), NOW)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("unit");
            assertThat(v.message()).contains("'mg/dL'").contains("Neutrophils");
        });
    }

    @Test
    void rejectsACountWithoutUnitBecauseItIsAmbiguous() {
        assertThat(validator.validate(anc("150", null), NOW))
                .extracting(Violation::field)
                .containsExactly("unit");
    }

    @Test
    void rejectsANegativeCount() {
        assertThat(validator.validate(anc("-0.1", "10*9/L"), NOW))
                .extracting(Violation::field)
                .containsExactly("value");
    }

    @Test
    void rejectsACodeToxWatchDoesNotMonitor() {
        var unknown = new ObservationSubmission(
                "MRN-0001", "12345-6", BigDecimal.ONE, null, "mg/dL", NOW, null, null, null, "m-1", null, null);

        assertThat(validator.validate(unknown, NOW))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("'12345-6'"));
    }

    @Test
    void rejectsAReferenceRangeWhoseLowIsAboveItsHigh() {
        var inverted = new ObservationSubmission(
                "MRN-0001",
                "751-8",
                BigDecimal.ONE,
                null,
                "10*9/L",
                NOW,
                new BigDecimal("7.7"),
                new BigDecimal("1.8"),
                null,
                "m-1",
                null,
                null);

        assertThat(validator.validate(inverted, NOW))
                .extracting(Violation::field)
                .containsExactly("referenceRange");
    }

    @Nested
    class ClinicalTime {

        @Test
        void acceptsATimeWithinTheAllowedSkewAhead() {
            var slightlyAhead = vital("8867-4", "80", "/min");
            var atSkew = new ObservationSubmission(
                    "MRN-0001",
                    "8867-4",
                    new BigDecimal("80"),
                    null,
                    "/min",
                    NOW.plus(Duration.ofMinutes(5)),
                    null,
                    null,
                    null,
                    "v-1",
                    null,
                    null);

            assertThat(validator.validate(slightlyAhead, NOW)).isEmpty();
            assertThat(validator.validate(atSkew, NOW)).isEmpty();
        }

        @Test
        void rejectsATimeFurtherInTheFuture() {
            var ahead = new ObservationSubmission(
                    "MRN-0001",
                    "8867-4",
                    new BigDecimal("80"),
                    null,
                    "/min",
                    NOW.plus(Duration.ofMinutes(5)).plusSeconds(1),
                    null,
                    null,
                    null,
                    "v-1",
                    null,
                    null);

            assertThat(validator.validate(ahead, NOW))
                    .extracting(Violation::field)
                    .containsExactly("effectiveTime");
        }
    }

    @Nested
    class Plausibility {

        @ParameterizedTest(name = "temperature {0} {1} -> violations {2}")
        @CsvSource({"25, Cel, 0", "24.9, Cel, 1", "45, Cel, 0", "45.1, Cel, 1", "100.4, [degF], 0", "114, [degF], 1"})
        void acceptsBodyTemperaturesOnlyBetween25And45Celsius(String value, String unit, int violations) {
            assertThat(validator.validate(vital("8310-5", value, unit), NOW)).hasSize(violations);
        }

        @ParameterizedTest(name = "SpO2 {0} % -> violations {1}")
        @CsvSource({"100, 0", "100.1, 1", "88, 0"})
        void rejectsAnOxygenSaturationAbove100Percent(String value, int violations) {
            assertThat(validator.validate(vital("59408-5", value, "%"), NOW)).hasSize(violations);
        }
    }

    @Test
    void aCancelledResultNeedsNoValue() {
        var cancelled = new ObservationSubmission(
                "MRN-0001",
                "751-8",
                null,
                null,
                null,
                NOW.minusSeconds(60),
                null,
                null,
                "cancelled",
                "m-9",
                "obx-1",
                null);

        assertThat(validator.validate(cancelled, NOW)).isEmpty();
    }

    @Test
    void anOxygenDeviceIsCodedNotNumeric() {
        var device = new ObservationSubmission(
                "MRN-0001",
                "107117-4",
                null,
                "336623009",
                null,
                NOW.minusSeconds(60),
                null,
                null,
                null,
                "v-2",
                null,
                null);
        var unknownDevice = new ObservationSubmission(
                "MRN-0001", "107117-4", null, "TENT", null, NOW.minusSeconds(60), null, null, null, "v-3", null, null);

        assertThat(validator.validate(device, NOW)).isEmpty();
        assertThat(validator.validate(unknownDevice, NOW))
                .extracting(Violation::field)
                .containsExactly("valueCode");
    }

    @Nested
    class AsLaboratoriesWriteThem {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"K/uL", "x10E3/uL", "10^9/L", "{cells}/uL", "cells/uL", "thou/uL", "10*3{cells}/uL"})
        void vendorSpellingsOfACountPerVolumeAreAccepted(String unit) {
            assertThat(validator.validate(anc("0.4", unit), NOW)).isEmpty();
        }

        @Test
        void potassiumInMilliequivalentsIsAccepted() {
            var potassium = new ObservationSubmission(
                    "MRN-0001",
                    "2823-3",
                    new BigDecimal("6.1"),
                    null,
                    "mEq/L",
                    NOW.minusSeconds(60),
                    null,
                    null,
                    null,
                    "k-1",
                    null,
                    null);

            assertThat(validator.validate(potassium, NOW)).isEmpty();
        }

        @Test
        void aSynonymOfAnotherKindOfQuantityIsStillRefusedAndSaysHowItWasRead() {
            assertThat(validator.validate(anc("0.4", "mg/dl"), NOW))
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("'mg/dl' (read as 'mg/dL') is not a unit of"));
        }

        @Test
        void aCensoredNumericResultPassesLikeANumber() {
            assertThat(validator.validate(censored("751-8", "0.1", "10*9/L", null), NOW))
                    .isEmpty();
        }

        @Test
        void aComparatorOnACodedResultIsRefusedByName() {
            assertThat(validator.validate(censored("107117-4", null, null, "336623009"), NOW))
                    .extracting(Violation::field)
                    .containsExactly("comparator");
        }

        @Test
        void aComparatorOnAVitalSignIsRefusedBecauseItsRecordCannotCarryIt() {
            assertThat(validator.validate(censored("59408-5", "100", "%", null), NOW))
                    .extracting(Violation::field)
                    .containsExactly("comparator");
        }

        private static ObservationSubmission censored(String loinc, String value, String unit, String valueCode) {
            return new ObservationSubmission(
                    "MRN-0001",
                    loinc,
                    value == null ? null : new BigDecimal(value),
                    valueCode,
                    unit,
                    NOW.minusSeconds(60),
                    null,
                    null,
                    null,
                    "c-1",
                    null,
                    null,
                    ValueComparator.LESS_THAN,
                    List.of(),
                    List.of(),
                    null);
        }
    }

    @Nested
    class LoincCodes {

        @Test
        void everyMonitoredCodeIsAWellFormedLoincCode() {
            assertThat(List.of(
                            "751-8",
                            "26499-4",
                            "753-4",
                            "770-8",
                            "6690-2",
                            "777-3",
                            "718-7",
                            "1742-6",
                            "1920-8",
                            "1975-2",
                            "2160-0",
                            "2823-3",
                            "8310-5",
                            "59408-5",
                            "107117-4",
                            "3151-8",
                            "29463-7"))
                    .allSatisfy(code -> {
                        assertThat(ObservationCode.byLoinc(code)).isPresent();
                        assertThat(ObservationCode.isWellFormedLoinc(code)).isTrue();
                    });
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"789-8", "787-2", "2951-2", "2093-3", "2345-7", "785-6"})
        void codesOfTestsToxWatchDoesNotGradeAreWellFormed(String code) {
            assertThat(ObservationCode.byLoinc(code)).isEmpty();
            assertThat(ObservationCode.isWellFormedLoinc(code)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"751-9", "751", "75-18", "ANC", "751-8a", "9999-9", "''"})
        void aMistypedCodeFailsTheCheck(String code) {
            assertThat(ObservationCode.isWellFormedLoinc(code)).isFalse();
        }
    }
}
