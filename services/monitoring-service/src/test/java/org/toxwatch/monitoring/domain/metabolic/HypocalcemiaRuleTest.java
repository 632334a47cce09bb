package org.toxwatch.monitoring.domain.metabolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 2.7: hypocalcemia, albumin-corrected and ionized, two separate terms. */
class HypocalcemiaRuleTest {

    @Nested
    class CorrectedCalcium {

        @ParameterizedTest(name = "corrected Ca {0} mg/dL with LLN 8.5 -> grade {1}")
        @CsvSource({
            "8.5, 0", "8.4, 1", "8.0, 1", "7.9, 2", "7.0, 2", "6.9, 3", "6.0, 3", "5.9, 4",
        })
        void gradesALaboratoryCorrectedValueDirectly(String value, int expected) {
            var corrected = aLab("29265-6")
                    .value(value)
                    .unit("mg/dL")
                    .range("8.5", "10.5")
                    .read();

            assertThat(HypocalcemiaRule.CORRECTED.assess(corrected).grade()).isEqualTo(expected);
        }

        @Test
        void convertsACorrectedValueInMillimoles() {
            var corrected = aLab("29265-6")
                    .value("1.9")
                    .unit("mmol/L")
                    .range("2.12", "2.62")
                    .read(); // 7.615 mg/dL

            assertThat(HypocalcemiaRule.CORRECTED.assess(corrected).grade()).isEqualTo(2);
        }

        @ParameterizedTest(name = "total Ca {0} mg/dL with albumin {1} {2} -> corrected grade {3}")
        @CsvSource({
            "7.6, 4.0, g/dL, 2", // 7.6
            "7.6, 2.0, g/dL, 0", // 9.2
            "8.0, 3.0, g/dL, 0", // 8.8
            "7.6, 20,  g/L,  0", // albumin 2.0 g/dL: 9.2
            "7.0, 3.5, g/dL, 2", // 7.4
        })
        void correctsTotalCalciumForAlbumin(String total, String albumin, String albuminUnit, int expected) {
            var assessment = HypocalcemiaRule.CORRECTED.assess(totalCalcium(total), albumin(albumin, albuminUnit));

            assertThat(assessment.grade()).isEqualTo(expected);
            assertThat(assessment.evidence()).hasSize(2);
            assertThat(assessment.summary()).startsWith("Corrected calcium").contains("total + 0.8 x (4.0 - albumin)");
        }

        @Test
        void gradesUncorrectedTotalCalciumWithoutAlbuminAndSaysSo() {
            var assessment = HypocalcemiaRule.CORRECTED.assess(totalCalcium("7.6"));

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).contains("uncorrectedCalcium = true");
            assertThat(assessment.labOnlyGrading()).isTrue();
        }

        private static LabResult totalCalcium(String value) {
            return aLab(Analyte.CALCIUM_TOTAL).value(value).range("8.5", "10.5").read();
        }

        private static LabResult albumin(String value, String unit) {
            return aLab(Analyte.ALBUMIN).value(value).unit(unit).read();
        }
    }

    @Nested
    class IonizedCalcium {

        @ParameterizedTest(name = "ionized Ca {0} {1} with LLN {2} -> grade {3}")
        @CsvSource({
            "1.12, mmol/L, 1.12, 0",
            "1.11, mmol/L, 1.12, 1",
            "1.0,  mmol/L, 1.12, 1",
            "0.99, mmol/L, 1.12, 2",
            "0.9,  mmol/L, 1.12, 2",
            "0.89, mmol/L, 1.12, 3",
            "0.8,  mmol/L, 1.12, 3",
            "0.79, mmol/L, 1.12, 4",
            "3.8,  mg/dL,  4.5,  2", // 3.8 / 4.008 = 0.948 mmol/L
            "3.4,  mg/dL,  4.5,  3", // 0.848 mmol/L
        })
        void gradesOnEachSideOfEveryBoundary(String value, String unit, String lln, int expected) {
            var ionized = result(Analyte.CALCIUM_IONIZED, value, unit, lln, null);

            assertThat(HypocalcemiaRule.IONIZED.assess(ionized).grade()).isEqualTo(expected);
        }
    }
}
