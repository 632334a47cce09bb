package org.toxwatch.monitoring.domain.renal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.4: creatinine increased, CTCAE v5.0, ULN and baseline criteria (L-4). */
class CreatinineIncreasedRuleTest {

    private final CreatinineIncreasedRule rule = new CreatinineIncreasedRule();

    private Assessment grade(String value, String unit, String uln, @Nullable String baseline) {
        LabResult b = baseline == null
                ? null
                : aLab(Analyte.CREATININE)
                        .value(baseline)
                        .unit(unit)
                        .range(null, uln)
                        .at(daysBefore(2))
                        .read();
        return rule.assess(result(Analyte.CREATININE, value, unit, null, uln), b);
    }

    @ParameterizedTest(name = "creatinine {0} mg/dL with ULN 1.2, no baseline -> grade {1}")
    @CsvSource({
        "1.2, 0", "1.3, 1", "1.8, 1", "1.9, 2", "3.6, 2", "3.7, 3", "7.2, 3", "7.3, 4",
    })
    void gradesByMultiplesOfUlnWithoutABaseline(String value, int expected) {
        assertThat(grade(value, "mg/dL", "1.2", null).grade()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "creatinine {0} mg/dL with ULN 1.2 and baseline {1} -> grade {2}")
    @CsvSource({
        "0.8,  0.5, 2", // CRITERIA.md 2.4 example: below ULN, yet 1.6 x baseline
        "0.75, 0.5, 0", // exactly 1.5 x B is not above it
        "1.5,  0.5, 2", // exactly 3.0 x B is grade 2; by ULN it is grade 1
        "1.6,  0.5, 3",
        "1.3,  1.0, 1", // the ULN criterion alone
        "3.7,  1.0, 3",
        "7.3,  1.0, 4", // the baseline criterion has no grade 4, the ULN one has
    })
    void reportsTheHigherOfTheUlnAndBaselineGrades(String value, String baseline, int expected) {
        assertThat(grade(value, "mg/dL", "1.2", baseline).grade()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "creatinine {0} umol/L with ULN 106 umol/L and baseline {1} -> grade {2}")
    @CsvSource({
        "106, ,     0",
        "159, ,     1", // exactly 1.5 x ULN, compared in umol/L
        "160, ,     2",
        "70,  44.2, 2",
    })
    void gradesMolarResultsInTheirOwnUnit(String value, @Nullable String baseline, int expected) {
        assertThat(grade(value, "umol/L", "106", baseline).grade()).isEqualTo(expected);
    }

    @Test
    void isALabOnlyGradeThatListsBothCriteria() {
        var assessment = grade("0.8", "mg/dL", "1.2", "0.5");

        assertThat(assessment.labOnlyGrading()).isTrue();
        assertThat(assessment.thresholds())
                .contains(
                        new AppliedThreshold(3, "v > 3.0 x B; B = 0.5 mg/dL", false),
                        new AppliedThreshold(2, "1.5 x B < v <= 3.0 x B; B = 0.5 mg/dL", true));
        assertThat(assessment.evidence()).hasSize(2);
    }
}
