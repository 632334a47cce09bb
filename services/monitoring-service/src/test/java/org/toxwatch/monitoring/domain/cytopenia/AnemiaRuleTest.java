package org.toxwatch.monitoring.domain.cytopenia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.6: anemia from hemoglobin, CTCAE v5.0 with admiral's lab-only convention. */
class AnemiaRuleTest {

    private final AnemiaRule rule = new AnemiaRule();

    private Assessment grade(String value, String unit, @Nullable String lln) {
        return rule.assess(result(Analyte.HEMOGLOBIN, value, unit, lln, null));
    }

    @ParameterizedTest(name = "Hb {0} g/dL with LLN 12.0 -> grade {1}")
    @CsvSource({
        "12.0, 0", "11.9, 1", "10.0, 1", "9.9,  2", "8.0,  2", "7.9,  3", "5.0,  3", // L-1: never grade 4 from labs
        "3.0,  3",
    })
    void gradesEachSideOfEveryBoundary(String value, int expected) {
        assertThat(grade(value, "g/dL", "12.0").grade()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Hb {0} {1} with LLN {2} -> grade {3}")
    @CsvSource({
        "120, g/L,    120, 0",
        "119, g/L,    120, 1",
        "99,  g/L,    120, 2",
        "79,  g/L,    120, 3",
        "7.0, mmol/L, 7.45, 1", // 11.28 g/dL
        "5.0, mmol/L, 7.45, 2", // 8.057 g/dL
        "4.0, mmol/L, 7.45, 3", // 6.446 g/dL
    })
    void convertsGramsPerLitreAndMillimolesToGramsPerDecilitre(String value, String unit, String lln, int expected) {
        assertThat(grade(value, unit, lln).grade()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Hb {0} g/dL without a range -> grade {1} against the sex-unknown LLN 12.0")
    @CsvSource({"12.0, 0", "11.9, 1"})
    void usesTheSexUnknownDefaultWithoutARange(String value, int expected) {
        var assessment = grade(value, "g/dL", null);

        assertThat(assessment.grade()).isEqualTo(expected);
        assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.DEFAULT);
    }

    @Test
    void isAlwaysALabOnlyGrade() {
        var assessment = grade("5.0", "g/dL", "12.0");

        assertThat(assessment.labOnlyGrading()).isTrue();
        assertThat(assessment.summary())
                .startsWith("Hemoglobin 5.0 g/dL < 8.0 g/dL: grade 3.")
                .contains("Lab-only grade; clinical criteria not assessed.");
        assertThat(assessment.thresholds()).contains(new AppliedThreshold(3, "v < 8.0 g/dL", true));
    }
}
