package org.toxwatch.monitoring.domain.metabolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.7: hyperkalemia and hypokalemia, two assessments from one potassium result. */
class PotassiumRulesTest {

    private final HyperkalemiaRule hyperkalemia = new HyperkalemiaRule();
    private final HypokalemiaRule hypokalemia = new HypokalemiaRule();

    private static LabResult potassium(String value, String unit, String lln, String uln) {
        return result(Analyte.POTASSIUM, value, unit, lln, uln);
    }

    @ParameterizedTest(name = "K {0} mmol/L with ULN 5.1 -> hyperkalemia grade {1}")
    @CsvSource({
        "5.1, 0", "5.2, 1", "5.5, 1", "5.6, 2", "6.0, 2", "6.1, 3", "7.0, 3", "7.1, 4",
    })
    void gradesHyperkalemiaOnEachSideOfEveryBoundary(String value, int expected) {
        assertThat(hyperkalemia.assess(potassium(value, "mmol/L", "3.5", "5.1")).grade())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "K {0} mmol/L with ULN {1} -> hyperkalemia grade {2}")
    @CsvSource({
        "5.6, 5.8, 2", // above 5.5 is at least grade 2 whatever the ULN (CRITERIA.md 2.1)
        "5.5, 5.8, 0",
    })
    void gradesAbove5point5AsGrade2WhateverTheUln(String value, String uln, int expected) {
        assertThat(hyperkalemia.assess(potassium(value, "mmol/L", "3.5", uln)).grade())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "K {0} mmol/L with LLN 3.5 -> hypokalemia grade {1}")
    @CsvSource({
        "3.5, 0", "3.4, 2", // L-2: grade 1 and 2 share the numbers; symptomatic assumed
        "3.0, 2", "2.9, 3", "2.5, 3", "2.4, 4",
    })
    void gradesHypokalemiaOnEachSideOfEveryBoundaryAndNeverGrade1(String value, int expected) {
        assertThat(hypokalemia.assess(potassium(value, "mmol/L", "3.5", "5.1")).grade())
                .isEqualTo(expected);
    }

    @Test
    void acceptsMilliequivalents() {
        assertThat(hyperkalemia.assess(potassium("6.1", "mEq/L", "3.5", "5.1")).grade())
                .isEqualTo(3);
    }

    @Test
    void atMostOneDirectionIsAbnormal() {
        var high = potassium("6.1", "mmol/L", "3.5", "5.1");

        assertThat(hyperkalemia.assess(high).grade()).isEqualTo(3);
        assertThat(hypokalemia.assess(high).grade()).isZero();
    }

    @Test
    void bothDirectionsAreLabOnlyGrades() {
        var low = potassium("3.4", "mmol/L", "3.5", "5.1");

        assertThat(hypokalemia.assess(low).labOnlyGrading()).isTrue();
        assertThat(hyperkalemia.assess(low).labOnlyGrading()).isTrue();
        assertThat(hypokalemia.assess(low).summary()).contains("\"symptomatic\" is assumed");
    }
}
