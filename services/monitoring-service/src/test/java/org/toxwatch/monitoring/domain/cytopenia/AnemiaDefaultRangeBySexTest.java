package org.toxwatch.monitoring.domain.cytopenia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.PatientEvents;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Sex;

/**
 * CRITERIA.md 2.6 with the 13.4 hemoglobin defaults by sex (1.3): grade 1 is below the LLN and at least 10.0 g/dL,
 * so the sex row moves the grade 0/1 boundary and nothing else.
 */
class AnemiaDefaultRangeBySexTest {

    private final AnemiaRule rule = new AnemiaRule();

    @ParameterizedTest(name = "{0}, Hb {1} g/dL without a range -> grade {2}")
    @CsvSource({
        "FEMALE,  15.6, 0",
        "FEMALE,  12.0, 0",
        "FEMALE,  11.9, 1",
        "FEMALE,  10.0, 1",
        "FEMALE,  9.9,  2",
        "MALE,    13.5, 0",
        "MALE,    13.4, 1",
        "MALE,    12.0, 1", // normal for a woman, grade 1 for a man
        "MALE,    10.0, 1",
        "MALE,    9.9,  2",
        "UNKNOWN, 12.0, 0",
        "UNKNOWN, 11.9, 1",
        "UNKNOWN, 10.0, 1",
        "UNKNOWN, 9.9,  2",
    })
    void gradesAgainstTheLlnOfTheSexRow(Sex sex, String hemoglobin, int expected) {
        var assessment = rule.assess(readFor(sex, hemoglobin));

        assertThat(assessment.grade()).isEqualTo(expected);
        assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource({
        "FEMALE,  'Default row: Hemoglobin, female, 12.0-15.5 g/dL.'",
        "MALE,    'Default row: Hemoglobin, male, 13.5-17.5 g/dL.'",
        "UNKNOWN, 'Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.'",
    })
    void namesTheRowItUsed(Sex sex, String row) {
        var assessment = rule.assess(readFor(sex, "11.0"));

        assertThat(assessment.summary())
                .contains("No reference range reported: graded against the adult default")
                .contains(row);
    }

    private static LabResult readFor(Sex sex, String hemoglobin) {
        var recorded = PatientEvents.aLab(Analyte.HEMOGLOBIN).value(hemoglobin).build();
        return switch (LabResult.read(recorded, sex)) {
            case LabReading.Readable readable -> readable.result();
            case LabReading.Unreadable unreadable -> throw new AssertionError(unreadable.reason());
        };
    }
}
