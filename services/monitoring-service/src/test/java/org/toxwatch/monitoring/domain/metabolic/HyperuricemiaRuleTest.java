package org.toxwatch.monitoring.domain.metabolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.7: hyperuricemia, lab-only worst case (L-3). */
class HyperuricemiaRuleTest {

    private final HyperuricemiaRule rule = new HyperuricemiaRule();

    @ParameterizedTest(name = "urate {0} {1} with ULN {2} -> grade {3}")
    @CsvSource({
        "7.2, mg/dL,  7.2, 0",
        "7.3, mg/dL,  7.2, 3",
        "15,  mg/dL,  7.2, 3", // grade 4 is never emitted
        "428, umol/L, 428, 0",
        "429, umol/L, 428, 3",
    })
    void gradesAboveUlnAsGrade3(String value, String unit, String uln, int expected) {
        assertThat(rule.assess(result(Analyte.URATE, value, unit, null, uln)).grade())
                .isEqualTo(expected);
    }

    @Test
    void saysThatItOverGrades() {
        var assessment = rule.assess(result(Analyte.URATE, "7.3", "mg/dL", null, "7.2"));

        assertThat(assessment.labOnlyGrading()).isTrue();
        assertThat(assessment.summary())
                .contains("urate above ULN; CTCAE grade 1 vs 3 depends on physiologic consequences not assessed");
    }
}
