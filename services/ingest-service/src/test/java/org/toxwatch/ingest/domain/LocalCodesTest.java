package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalCodesTest {

    @Test
    void aLocalCodeMappedToAMonitoredLoincIsReadAsThatCode() {
        var codes = LocalCodes.none();

        codes.map("LIS@WARD", "ANC", "751-8");

        assertThat(codes.loincFor("LIS@WARD", "ANC")).contains("751-8");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMappingWithoutALoincIsRefusedAsBadInputNotAFault(String loinc) {
        var codes = LocalCodes.none();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> codes.map("LIS@WARD", "ANC", loinc))
                .withMessageContaining("loinc is required");
        assertThat(codes.loincFor("LIS@WARD", "ANC")).isEmpty();
    }
}
