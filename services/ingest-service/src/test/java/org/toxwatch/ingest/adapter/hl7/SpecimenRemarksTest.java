package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.SpecimenCondition;

class SpecimenRemarksTest {

    @ParameterizedTest(name = "SPM-24 {0}")
    @CsvSource({"HEM, HEMOLYZED", "CLOT, CLOTTED", "CON, CONTAMINATED", "AUT, AUTOLYZED"})
    void table0493CodesAreRead(String code, SpecimenCondition condition) {
        assertThat(SpecimenRemarks.coded(code, "")).containsExactly(condition);
    }

    @ParameterizedTest(name = "SPM-24 {0}")
    @CsvSource({"COOL", "FROZ", "ROOM", "SNR", "LIVE"})
    void codesThatDoNotFalsifyAResultAreNotConditions(String code) {
        assertThat(SpecimenRemarks.coded(code, "")).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = ';', textBlock = """
            Specimen hemolyzed, interpret potassium with caution ; HEMOLYZED
            HAEMOLYSED SAMPLE                                    ; HEMOLYZED
            Moderate hemolysis present                            ; HEMOLYZED
            Slightly lipemic                                     ; LIPEMIC
            Lipaemia may interfere                                ; LIPEMIC
            Sample icteric                                       ; ICTERIC
            """)
    void clearWordsInACommentAreRead(String comment, SpecimenCondition condition) {
        assertThat(SpecimenRemarks.written(List.of(comment))).containsExactly(condition);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = ';', textBlock = """
            No hemolysis
            Specimen not hemolyzed
            non-hemolyzed sample
            Hemolysis index: 0
            Without lipemia
            H
            Repeat requested
            Hemoglobin low
            """)
    void negationsIndicesAndOtherWordsAreNotConditions(String comment) {
        assertThat(SpecimenRemarks.written(List.of(comment))).isEmpty();
    }
}
