package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputHygieneTest {

    private static ObservationSubmission observation(String patientId, String sourceMessageId) {
        return new ObservationSubmission(
                patientId,
                "751-8",
                new BigDecimal("2.5"),
                null,
                "10*9/L",
                Instant.parse("2026-11-20T08:00:00Z"),
                null,
                null,
                null,
                sourceMessageId,
                null,
                null);
    }

    @Nested
    class Lengths {

        @Test
        void aPatientIdOfExactlyTheLimitPassesAndOneMoreCharacterFails() {
            String atLimit = "P".repeat(InputHygiene.PATIENT_ID_MAX);

            assertThat(InputHygiene.observation(observation(atLimit, "m-1"))).isEmpty();
            assertThat(InputHygiene.observation(observation(atLimit + "P", "m-1")))
                    .singleElement()
                    .satisfies(violation -> {
                        assertThat(violation.field()).isEqualTo("patientId");
                        assertThat(violation.message()).isEqualTo("is 65 characters long; at most 64 are accepted");
                    });
        }

        @Test
        void aMessageIdOfExactlyTheLimitPassesAndOneMoreCharacterFails() {
            String atLimit = "m".repeat(InputHygiene.MESSAGE_ID_MAX);

            assertThat(InputHygiene.observation(observation("P-1", atLimit))).isEmpty();
            assertThat(InputHygiene.observation(observation("P-1", atLimit + "m")))
                    .extracting(Violation::field)
                    .containsExactly("sourceMessageId");
        }

        @Test
        void aFiveMegabytePatientIdIsNamedByItsLengthNotRepeated() {
            String huge = "P".repeat(5 * 1024 * 1024);

            assertThat(InputHygiene.observation(observation(huge, "m-1")))
                    .singleElement()
                    .satisfies(violation -> assertThat(violation.message()).hasSizeLessThan(100));
        }

        @Test
        void aSenderOfExactlyTheLimitPassesAndOneMoreCharacterFails() {
            String atLimit = "S".repeat(InputHygiene.SOURCE_SYSTEM_MAX);

            assertThat(InputHygiene.origin(atLimit, "m-1")).isEmpty();
            assertThat(InputHygiene.origin(atLimit + "S", "m-1"))
                    .extracting(Violation::field)
                    .containsExactly("sourceSystem");
        }
    }

    @Nested
    class Characters {

        @ParameterizedTest(name = "U+{0} is refused in an identifier")
        @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F})
        void controlCharactersAreRefusedInIdentifiers(int control) {
            String id = "MRN" + (char) control + "1";

            assertThat(InputHygiene.identifierProblem(id, 64))
                    .hasValue(
                            "contains the control character U+%04X at position 4: identifiers and codes are printable text"
                                    .formatted(control));
        }

        @Test
        void printableTextSpacesAndCharactersBeyondTheBasicPlaneAreAccepted() {
            assertThat(InputHygiene.identifierProblem("MRN 0001-é-\uD83D\uDE00", 64))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SE\uD800C", "SE\uDC00C", "SE\uD800", "\uDFFF"})
        void anUnpairedSurrogateIsNotWellFormedUnicode(String id) {
            assertThat(InputHygiene.identifierProblem(id, 64))
                    .hasValueSatisfying(problem -> assertThat(problem).contains("unpaired UTF-16 surrogate"));
        }

        @Test
        void theReplacementCharacterMarksAnIdentifierAlteredByDecodingSoARepairedReplayCannotSlipThrough() {
            assertThat(InputHygiene.identifierProblem("MRN-\uFFFD-1", 64))
                    .hasValueSatisfying(problem -> assertThat(problem).contains("U+FFFD at position 5"));
        }

        @Test
        void theMessageIdAsAWholeMustBeWellFormedButItsLengthIsEachItemsConcern() {
            assertThat(InputHygiene.origin("lis", "a,".repeat(1000))).isEmpty();
            assertThat(InputHygiene.origin("lis", "a,\uD800"))
                    .extracting(Violation::field)
                    .containsExactly("messageId");
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "''{0}'' is read")
        @ValueSource(strings = {"0.4", "+2.5", "-3", "12.", ".5", "999999999999.9", "0.000000000001"})
        void plainDecimalsWithinTheBoundsAreRead(String text) {
            assertThat(InputHygiene.numberTextProblem(text)).isEmpty();
        }

        @ParameterizedTest(name = "''{0}'': {1}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "1e309; is not a decimal number",
                    "NaN; is not a decimal number",
                    "Infinity; is not a decimal number",
                    "0x1F; is not a decimal number",
                    "1 000; is not a decimal number",
                    "1000000000000; is too large",
                    "-1000000000000; is too large",
                    "0.0000000000001; has 13 digits after the decimal point",
                    "1234567890.12345678901; has 21 significant digits",
                })
        void otherNumbersAreRefusedBeforeTheyAreUsed(String text, String problem) {
            assertThat(InputHygiene.numberTextProblem(text))
                    .hasValueSatisfying(found -> assertThat(found).startsWith(problem));
        }

        @Test
        void twentySignificantDigitsAreTheMostAccepted() {
            assertThat(InputHygiene.numberTextProblem("1234567890.1234567890")).isEmpty();
        }

        @Test
        void aNumberTextOverThirtyTwoCharactersIsRefusedByItsLengthWithoutBeingParsed() {
            String millionDigits = "1".repeat(1_048_000);

            assertThat(InputHygiene.numberTextProblem(millionDigits))
                    .hasValue("is a number of 1048000 characters; at most 32 are accepted");
            assertThat(InputHygiene.numberTextProblem("0." + "0".repeat(29) + "1"))
                    .as("32 characters: judged by its digits, not its length")
                    .hasValueSatisfying(found -> assertThat(found).startsWith("has 30 digits after"));
            assertThat(InputHygiene.numberTextProblem("0." + "0".repeat(30) + "1"))
                    .hasValueSatisfying(found -> assertThat(found).startsWith("is a number of 33 characters"));
        }

        @Test
        void anAlreadyReadValueOfTenToThe309IsTooLarge() {
            assertThat(InputHygiene.numberProblem(new BigDecimal("1E+309")))
                    .hasValueSatisfying(found -> assertThat(found).startsWith("is too large"));
        }
    }

    @Nested
    class Times {

        @Test
        void theFirstInstantOf1900IsAcceptedAndTheSecondBeforeIsNot() {
            assertThat(InputHygiene.timeProblem(Instant.parse("1900-01-01T00:00:00Z")))
                    .isEmpty();
            assertThat(InputHygiene.timeProblem(Instant.parse("1899-12-31T23:59:59Z")))
                    .hasValue("lies before 1900-01-01: not a clinical time");
        }

        @Test
        void yearOneIsRefusedWithItsField() {
            var yearOne = new ObservationSubmission(
                    "P-1",
                    "751-8",
                    BigDecimal.ONE,
                    null,
                    "10*9/L",
                    Instant.parse("0001-01-01T00:00:00Z"),
                    null,
                    null,
                    null,
                    "m-1",
                    null,
                    null);

            assertThat(InputHygiene.observation(yearOne))
                    .extracting(Violation::field)
                    .containsExactly("effectiveTime");
        }
    }

    @Nested
    class Bytes {

        @Test
        void validUtf8IsDecodedWhole() {
            var decoded =
                    InputHygiene.decode("MRN-é-\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

            assertThat(decoded.problem()).isNull();
            assertThat(decoded.text()).isEqualTo("MRN-é-\uD83D\uDE00");
        }

        @Test
        void invalidUtf8IsReportedWithItsPositionNotReplaced() {
            byte[] bytes = {'a', 'b', (byte) 0xC3, '(', 'c'};

            var decoded = InputHygiene.decode(bytes, StandardCharsets.UTF_8);

            assertThat(decoded.problem())
                    .isEqualTo("contains bytes that are not valid UTF-8 at byte 3: send the message in UTF-8");
        }

        @Test
        void anOverlongEncodingOfNulIsInvalid() {
            assertThat(InputHygiene.decode(new byte[] {(byte) 0xC0, (byte) 0x80}, StandardCharsets.UTF_8)
                            .problem())
                    .isNotNull();
        }
    }

    @Nested
    class WhatIsKeptOfARejection {

        @Test
        void anUnpairedSurrogateBecomesTheReplacementCharacterAndAPairStays() {
            assertThat(InputHygiene.storable("SE\uD800C\uD83D\uDE00", 100)).isEqualTo("SE\uFFFDC\uD83D\uDE00");
        }

        @Test
        void longTextIsCutWithANoteOfItsLength() {
            assertThat(InputHygiene.storable("abcdef", 3)).isEqualTo("abc\n[truncated: 3 of 6 characters kept]");
        }
    }
}
