package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7FieldLengthsTest {

    private static final String HEAD = "MSH|^~\\&|LIS|CITY-LAB|TOXWATCH|TOXWATCH|20261121031000||ORU^R01|C-1|P|2.5.1\r"
            + "PID|1||0012345^^^ST-ELSEWHERE^MR\r"
            + "OBR|1||VS-9001|85353-1^Vital signs panel^LN\r";

    @ParameterizedTest(name = "an {0} result of {1} characters: refused {2}")
    @CsvSource({
        "NM, 1024, false",
        "NM, 1025, true",
        "SN, 1025, true",
        "ST, 1025, false",
        "ST, 65536, false",
        "ST, 65537, true"
    })
    void aResultValueIsHeldToItsLimitByType(String type, int length, boolean refused) {
        String message = HEAD + "OBX|1|" + type + "|751-8^Neutrophils^LN||" + "9".repeat(length) + "|10*9/L\r";

        Hl7Error error = Hl7FieldLengths.firstTooLong(message);

        assertThat(error != null).isEqualTo(refused);
        if (refused) {
            assertThat(error.location()).isEqualTo("OBX^1^5");
            assertThat(error.code()).isEqualTo(Hl7Error.DATA_TYPE_ERROR);
            assertThat(error.text()).contains(String.valueOf(length)).doesNotContain("9999");
        }
    }

    @Test
    void theLocationNamesTheSegmentsRepetitionAndTheField() {
        String message = HEAD + "OBX|1|NM|751-8^Neutrophils^LN||0.4|10*9/L\r" + "OBX|2|NM|777-3^Platelets^LN||"
                + "1".repeat(2_000) + "|10*9/L\r";

        assertThat(Hl7FieldLengths.firstTooLong(message).location()).isEqualTo("OBX^2^5");
    }

    @Test
    void mshFieldsAreNumberedFromTheSeparatorAsMsh1() {
        String message = HEAD.replace("|C-1|", "|" + "C".repeat(Hl7FieldLengths.FIELD_MAX + 1) + "|");

        assertThat(Hl7FieldLengths.firstTooLong(message).location()).isEqualTo("MSH^1^10");
    }

    @Test
    void anOrdinaryMessageAndLineFeedsBetweenSegmentsPass() {
        assertThat(Hl7FieldLengths.firstTooLong(HEAD.replace("\r", "\r\n") + "OBX|1|NM|751-8||0.4|10*9/L"))
                .isNull();
    }
}
