package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7ReferenceRangeTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            1.8-7.7           ; 1.8  ; 7.7 ; -
            13 - 18           ; 13   ; 18  ; -
            13 to 18          ; 13   ; 18  ; -
            3.5-5.1 mmol/L    ; 3.5  ; 5.1 ; mmol/L
            150-400 10*3/uL   ; 150  ; 400 ; 10*3/uL
            <10 ug/dl         ; -    ; 10  ; ug/dl
            < 200             ; -    ; 200 ; -
            <=40              ; -    ; 40  ; -
            >60 mL/min        ; 60   ; -   ; mL/min
            >=1.5             ; 1.5  ; -   ; -
            -2.0-2.0          ; -2.0 ; 2.0 ; -
            """)
    void theFormsLaboratoriesWriteAreRead(String text, String low, String high, String unit) {
        var range = Hl7ReferenceRange.read(text);

        assertThat(range.problem()).isNull();
        assertThat(range.low() == null ? null : range.low().toPlainString()).isEqualTo(low);
        assertThat(range.high() == null ? null : range.high().toPlainString()).isEqualTo(high);
        assertThat(range.unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"Negative", "See comment", "normal", "''"})
    void textWithoutANumberIsNoRangeAndNoError(String text) {
        var range = Hl7ReferenceRange.read(text);

        assertThat(range.problem()).isNull();
        assertThat(range.low()).isNull();
        assertThat(range.high()).isNull();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"'M 13-17, F 12-16'", "'desirable below 200'", "1-2-3", "'12..5-14'"})
    void numbersInNoKnownFormAreAProblemNotAGuess(String text) {
        assertThat(Hl7ReferenceRange.read(text).problem()).startsWith("reference range ");
    }

    @ParameterizedTest(name = "''{0}'' against ''{1}''")
    @CsvSource({
        "<10 ug/dl, ug/dL, false",
        "3.5-5.1 mEq/L, meq/L, false",
        "3.5-5.1 mmol/L, mmol/L, false",
        "150-400 10*9/L, 10*3/uL, true",
        "<10, mg/dL, false"
    })
    void aUnitInTheRangeMustBeTheResultsUnit(String text, String resultUnit, boolean differs) {
        assertThat(Hl7ReferenceRange.read(text).unitDiffersFrom(resultUnit)).isEqualTo(differs);
    }
}
