package org.toxwatch.monitoring.domain.metabolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.8: LDH increased has only grade 1 in CTCAE v5.0. */
class LdhIncreasedRuleTest {

    @ParameterizedTest(name = "LDH {0} {1} with ULN {2} -> grade {3}")
    @CsvSource({
        "280,  U/L,    280, 0",
        "281,  U/L,    280, 1",
        "5000, U/L,    280, 1",
        "4.7,  ukat/L, ,    1", // 282 U/L against the default ULN 280
    })
    void gradesAboveUlnAsGrade1AndNothingHigher(String value, String unit, String uln, int expected) {
        assertThat(new LdhIncreasedRule()
                        .assess(result(Analyte.LDH, value, unit, null, uln))
                        .grade())
                .isEqualTo(expected);
    }
}
