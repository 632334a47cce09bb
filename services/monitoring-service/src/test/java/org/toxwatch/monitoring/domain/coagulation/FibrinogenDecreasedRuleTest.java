package org.toxwatch.monitoring.domain.coagulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.9: fibrinogen decreased, CTCAE v5.0 as admiral implements it. */
class FibrinogenDecreasedRuleTest {

    private final FibrinogenDecreasedRule rule = new FibrinogenDecreasedRule();

    @ParameterizedTest(name = "fibrinogen {0} {1} with LLN {2}, no baseline -> grade {3}")
    @CsvSource({
        "200, mg/dL, 200, 0",
        "199, mg/dL, 200, 1",
        "150, mg/dL, 200, 1", // 0.75 x LLN belongs to grade 1
        "149, mg/dL, 200, 2",
        "100, mg/dL, 200, 2",
        "99,  mg/dL, 200, 3",
        "50,  mg/dL, 200, 3",
        "49,  mg/dL, 200, 4",
        "40,  mg/dL, 150, 4", // below 50 mg/dL is grade 4 although 40 >= 0.25 x 150
        "1.5, g/L,   2.0, 1",
        "1.4, g/L,   2.0, 2",
    })
    void gradesByMultiplesOfLlnAndTheAbsoluteFloor(String value, String unit, String lln, int expected) {
        assertThat(rule.assess(result(Analyte.FIBRINOGEN, value, unit, lln, null))
                        .grade())
                .isEqualTo(expected);
    }

    @Test
    void agreesWithBothReadingsOfIfAbnormalWhenTheBaselineIsLow() {
        var assessment = rule.assess(
                result(Analyte.FIBRINOGEN, "120", "mg/dL", "200", null), baseline("180")); // 0.6 x LLN; -33%

        assertThat(assessment.grade()).isEqualTo(2);
        assertThat(assessment.thresholds())
                .contains(new AppliedThreshold(2, "25% <= decrease from B < 50%; B = 180 mg/dL", true));
    }

    @Test
    void appliesThePercentRuleWheneverTheValueIsBelowLlnLikeAdmiral() {
        var assessment =
                rule.assess(result(Analyte.FIBRINOGEN, "190", "mg/dL", "200", null), baseline("400")); // A-3: -52.5%

        assertThat(assessment.grade()).isEqualTo(3);
    }

    @Test
    void ignoresTheBaselineWhileTheValueIsNormal() {
        var assessment = rule.assess(result(Analyte.FIBRINOGEN, "210", "mg/dL", "200", null), baseline("400"));

        assertThat(assessment.grade()).isZero();
        assertThat(assessment.evidence()).hasSize(1);
        assertThat(assessment.labOnlyGrading()).isFalse();
    }

    private static LabResult baseline(String value) {
        return aLab(Analyte.FIBRINOGEN)
                .value(value)
                .range("200", "400")
                .at(daysBefore(5))
                .read();
    }
}
