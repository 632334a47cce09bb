package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.ASSESSED_AT;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.aFeverOf;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.aTemperature;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.aVasopressorStart;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.masked;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.withHypotension;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.withOxygen;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.withSupportEvidence;
import static org.toxwatch.monitoring.domain.crs.CrsReadings.withTemperatures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;

/** CRITERIA.md 4.2-4.3: cytokine release syndrome, ASTCT 2019. */
class CrsRuleTest {

    private static @Nullable BigDecimal litresPerMinute(@Nullable String flow) {
        return flow == null ? null : new BigDecimal(flow);
    }

    @Nested
    class Fever {

        @ParameterizedTest(name = "highest temperature {0} Cel, no organ support -> grade {1}")
        @CsvSource({
            "37.9, 0", // 37.9 is not fever
            "38.0, 1", // inclusive
            "39.5, 1",
        })
        void isTheEntryCriterionAtOrAbove38(String celsius, int expectedGrade) {
            var assessment = CrsRule.assess(aFeverOf(celsius));

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void usesTheHighestTemperatureOfTheWindow() {
            var highest = aTemperature("38.0", 6);
            var inputs = withTemperatures(
                    aFeverOf("37.0"), List.of(aTemperature("37.2", 12), highest, aTemperature("37.9", 1)));

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.evidence()).extracting(Evidence::eventId).containsExactly(highest.eventId());
        }

        @ParameterizedTest(name = "{0} Cel, hypotension {1}, vasopressors {2}, {3} -> grade 0")
        @CsvSource({
            "37.9, true,  0, NONE",
            "37.9, true,  2, MECHANICAL_VENTILATION",
            "37.0, false, 0, NON_REBREATHER",
        })
        void withoutFeverOrMaskingIsNotCrsWhateverTheOrganSupport(
                String celsius, boolean hypotension, int vasopressors, OxygenDevice device) {
            var inputs = withOxygen(withHypotension(aFeverOf(celsius), hypotension, vasopressors, false), device, null);

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isZero();
            assertThat(assessment.summary()).startsWith("No CRS by ASTCT 2019").contains("without fever");
        }

        @Test
        void isNotAssessableWithoutAnyTemperatureUnlessMasked() {
            var inputs = withTemperatures(aFeverOf("39.0"), List.of());

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.isGraded()).isFalse();
            assertThat(assessment.notAssessableReason()).isEqualTo("no temperature in the window");
        }
    }

    @Nested
    class HypotensionComponent {

        @ParameterizedTest(name = "hypotension {0}, vasopressors {1}, vasopressin {2} -> grade {3}")
        @CsvSource({
            "false, 0, false, 1", // fever only
            "true,  0, false, 2", // hypotension without vasopressors
            "true,  1, false, 3", // one vasopressor
            "false, 1, false, 3", // a running vasopressor implies hypotension
            "true,  1, true,  3", // vasopressin never counts towards multiple
            "true,  0, true,  3", // vasopressin alone counts as a vasopressor
            "false, 0, true,  3",
            "true,  2, false, 4", // two or more vasopressors excluding vasopressin
            "true,  2, true,  4",
            "true,  3, false, 4",
        })
        void gradesByVasopressorNeed(boolean hypotension, int vasopressors, boolean vasopressin, int expectedGrade) {
            var inputs = withHypotension(aFeverOf("38.5"), hypotension, vasopressors, vasopressin);

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class HypoxiaComponent {

        @ParameterizedTest(name = "{0} at {1} L/min -> grade {2}")
        @CsvSource({
            "NONE,                    , 1",
            "NASAL_CANNULA,          2, 2",
            "NASAL_CANNULA,          6, 2", // low-flow is <= 6 L/min
            "NASAL_CANNULA,        6.0, 2",
            "NASAL_CANNULA,        6.1, 3", // high-flow is > 6 L/min
            "NASAL_CANNULA,         15, 3",
            "NASAL_CANNULA,           , 2", // no flow recorded: read as low-flow, high flow not assumed
            "BLOW_BY,                 , 2",
            "HIGH_FLOW_NASAL_CANNULA, , 3",
            "HIGH_FLOW_NASAL_CANNULA, 4, 3", // any flow
            "SIMPLE_FACE_MASK,        , 3",
            "NON_REBREATHER,          , 3",
            "VENTURI_MASK,            , 3",
            "CPAP,                    , 4",
            "BIPAP,                   , 4",
            "MECHANICAL_VENTILATION,  , 4",
        })
        void gradesByTheOxygenSupportNeeded(OxygenDevice device, @Nullable String flow, int expectedGrade) {
            var inputs = withOxygen(aFeverOf("38.5"), device, litresPerMinute(flow));

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void saysWhenANasalCannulaHasNoFlowRecorded() {
            var inputs = withOxygen(aFeverOf("38.5"), OxygenDevice.NASAL_CANNULA, null);

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.summary())
                    .contains("nasal cannula with no flow recorded, read as low-flow")
                    .contains("not assumed");
        }
    }

    @Nested
    class OverallGrade {

        @ParameterizedTest(name = "{0} Cel, vasopressors {1}, vasopressin {2}, {3} {4} L/min -> grade {5}")
        @CsvSource({
            "39.5, 1, false, NASAL_CANNULA,           2, 3", // the example in CRITERIA 4.3
            "38.0, 0, false, NASAL_CANNULA,           6, 2",
            "38.0, 0, true,  BLOW_BY,                  , 3",
            "38.5, 1, false, NON_REBREATHER,           , 3",
            "38.5, 1, false, BIPAP,                    , 4", // hypoxia drives
            "38.5, 2, false, NASAL_CANNULA,           2, 4", // hypotension drives
            "38.5, 0, false, HIGH_FLOW_NASAL_CANNULA, 40, 3",
        })
        void isTheMoreSevereOfHypotensionAndHypoxia(
                String celsius,
                int vasopressors,
                boolean vasopressin,
                OxygenDevice device,
                @Nullable String flow,
                int expectedGrade) {
            var inputs = withOxygen(
                    withHypotension(aFeverOf(celsius), vasopressors > 0 || vasopressin, vasopressors, vasopressin),
                    device,
                    litresPerMinute(flow));

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }
    }

    @Nested
    class MaskedFever {

        @ParameterizedTest(name = "masked, {0} Cel, hypotension {1}, vasopressors {2}, {3} -> grade {4}")
        @CsvSource({
            "37.2, true,  0, NONE,           2",
            "37.2, true,  1, NONE,           3",
            "36.8, false, 0, NON_REBREATHER, 3",
            "36.8, true,  2, CPAP,           4",
            "38.4, false, 0, NONE,           1", // fever present as well: at least 1
        })
        void isGradedByHypotensionAndHypoxiaWithoutFever(
                String celsius, boolean hypotension, int vasopressors, OxygenDevice device, int expectedGrade) {
            var inputs = masked(
                    withOxygen(withHypotension(aFeverOf(celsius), hypotension, vasopressors, false), device, null));

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(expectedGrade);
        }

        @Test
        void withoutOrganSupportIsGrade1FlaggedAsFeverMaskedNoOrganSupport() {
            var assessment = CrsRule.assess(masked(aFeverOf("37.0")));

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary()).contains("feverMaskedNoOrganSupport");
        }

        @Test
        void isGradedEvenWithoutATemperatureInTheWindow() {
            var inputs = masked(withOxygen(withTemperatures(aFeverOf("37.0"), List.of()), OxygenDevice.BLOW_BY, null));

            var assessment = CrsRule.assess(inputs);

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.evidence()).isEmpty();
        }
    }

    @Nested
    class WhenGraded {

        private final Evidence vasopressorStart = aVasopressorStart();
        private final CrsInputs inputs = withSupportEvidence(
                withOxygen(
                        withHypotension(aFeverOf("39.5"), true, 1, false),
                        OxygenDevice.NASAL_CANNULA,
                        new BigDecimal("2")),
                List.of(vasopressorStart));
        private final Assessment assessment = CrsRule.assess(inputs);

        @Test
        void namesTheCriterionWithoutALabOnlyConvention() {
            assertThat(assessment.criterion()).isEqualTo(Criterion.CYTOKINE_RELEASE_SYNDROME);
            assertThat(assessment.labOnlyGrading()).isFalse();
            assertThat(assessment.referenceRangeSource()).isEqualTo(ReferenceRangeSource.NOT_USED);
            assertThat(assessment.assessedAt()).isEqualTo(ASSESSED_AT);
        }

        @Test
        void listsTheHighestTemperatureAndTheSupportAsEvidence() {
            assertThat(assessment.evidence())
                    .extracting(Evidence::eventId)
                    .containsExactly(inputs.temperaturesInWindow().getFirst().eventId(), vasopressorStart.eventId());
        }

        @Test
        void recordsWhichThresholdsWereMet() {
            assertThat(assessment.thresholds())
                    .filteredOn(AppliedThreshold::met)
                    .containsExactly(
                            new AppliedThreshold(1, "temperature >= 38.0 Cel", true),
                            new AppliedThreshold(3, "one vasopressor (vasopressin alone counts as one)", true),
                            new AppliedThreshold(2, "low-flow nasal cannula <= 6 L/min or blow-by", true));
            assertThat(assessment.thresholds()).hasSize(8);
        }

        @Test
        void explainsTheGradeInClinicalWords() {
            assertThat(assessment.summary())
                    .startsWith("CRS grade 3 (ASTCT 2019): fever, highest temperature 39.5 Cel")
                    .contains("hypotension needing one vasopressor")
                    .contains("nasal cannula at 2 L/min")
                    .endsWith("grade set by hypotension.");
        }
    }

    @Nested
    class Inputs {

        @Test
        void rejectANegativeVasopressorCount() {
            assertThatIllegalArgumentException().isThrownBy(() -> withHypotension(aFeverOf("38.0"), true, -1, false));
        }
    }

    /** CRITERIA.md 4.4 by age: the limit and the age it was chosen for are named on the assessment. */
    @Nested
    class HypotensionByAge {

        private final BloodPressure eightyFiveOverFifty = BloodPressure.latestOf(List.of(new VitalSignsRecorded(
                UUID.randomUUID(),
                "p-1",
                ASSESSED_AT,
                ASSESSED_AT.plusSeconds(60),
                "monitor",
                "msg-bp",
                null,
                null,
                new BigDecimal("85"),
                new BigDecimal("50"),
                new BigDecimal("62"),
                null,
                null,
                null,
                null,
                null,
                ResultStatus.FINAL)));

        private Assessment feverWithThatPressure(Optional<AgeAtAssessment> age) {
            var limit = HypotensionLimits.defaults().forAge(age);
            var fever = aFeverOf("38.6");
            return CrsRule.assess(new CrsInputs(
                    fever.assessedAt(),
                    fever.temperaturesInWindow(),
                    false,
                    eightyFiveOverFifty.isBelow(limit),
                    0,
                    false,
                    OxygenDevice.NONE,
                    null,
                    eightyFiveOverFifty.evidence(),
                    limit,
                    eightyFiveOverFifty));
        }

        @Test
        void aFebrileFourYearOldAt85Over50IsGrade1AndTheAssessmentSaysWhy() {
            var assessment = feverWithThatPressure(Optional.of(AgeAtAssessment.ofYears(4)));

            assertThat(assessment.grade()).isEqualTo(1);
            assertThat(assessment.summary())
                    .contains("no hypotension (systolic 85 mmHg, MAP 62 mmHg, not below the hypotension limit"
                            + " systolic < 78 mmHg (PALS, age 4 years))");
            assertThat(assessment.thresholds())
                    .contains(new AppliedThreshold(
                            2, "hypotension without vasopressors: systolic < 78 mmHg (PALS, age 4 years)", false));
            assertThat(assessment.evidence()).extracting(Evidence::code).contains("8480-6", "8478-0");
        }

        @Test
        void withoutABirthDateTheSamePatientIsGradedByTheAdultLimitsAndTheAssessmentSaysSo() {
            var assessment = feverWithThatPressure(Optional.empty());

            assertThat(assessment.grade()).isEqualTo(2);
            assertThat(assessment.summary()).contains("(age unknown — adult thresholds)");
            assertThat(assessment.thresholds())
                    .contains(new AppliedThreshold(
                            2,
                            "hypotension without vasopressors: systolic < 90 mmHg or MAP < 65 mmHg"
                                    + " (age unknown — adult thresholds)",
                            true));
        }
    }
}
