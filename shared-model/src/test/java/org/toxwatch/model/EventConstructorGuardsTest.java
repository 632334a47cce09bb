package org.toxwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.toxwatch.model.ClinicalEvents.MORNING_DRAW;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records refuse what the wire contract does not allow, so no producer can publish it. */
class EventConstructorGuardsTest {

    @Nested
    class LabResults {

        @ParameterizedTest
        @EnumSource(value = ResultStatus.class, names = "CANCELLED", mode = EnumSource.Mode.EXCLUDE)
        void refuseAResultWithoutAValueUnlessItIsCancelled(ResultStatus status) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> labResult(status, null, "10*9/L"))
                    .withMessageContaining("needs a value and a unit");
        }

        @Test
        void refuseAFinalResultWithoutAUnit() {
            assertThatIllegalArgumentException().isThrownBy(() -> labResult(ResultStatus.FINAL, "0.4", null));
        }

        @Test
        void acceptACancelledResultWithoutValueOrUnit() {
            var cancelled = labResult(ResultStatus.CANCELLED, null, null);

            assertThat(cancelled.value()).isNull();
            assertThat(cancelled.ucumUnit()).isNull();
        }

        @Test
        void refuseAResultWithoutAPatient() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new LabResultRecorded(
                            UUID.randomUUID(),
                            null,
                            MORNING_DRAW,
                            MORNING_DRAW,
                            "lis",
                            "msg-1",
                            null,
                            ClinicalEvents.ANC,
                            new BigDecimal("0.4"),
                            ClinicalEvents.COUNT_UNIT,
                            null,
                            ResultStatus.FINAL))
                    .withMessage("patientId");
        }

        private static LabResultRecorded labResult(ResultStatus status, @Nullable String value, @Nullable String unit) {
            return new LabResultRecorded(
                    UUID.randomUUID(),
                    "p-1",
                    MORNING_DRAW,
                    MORNING_DRAW,
                    "lis",
                    "msg-1",
                    "obs-1",
                    ClinicalEvents.ANC,
                    value == null ? null : new BigDecimal(value),
                    unit,
                    null,
                    status);
        }
    }

    @Nested
    class VitalSigns {

        @Test
        void acceptASetInWhichNothingWasMeasured() {
            var vitals = new VitalSignsRecorded(
                    UUID.randomUUID(),
                    "p-1",
                    MORNING_DRAW,
                    MORNING_DRAW,
                    "monitor",
                    "msg-1",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ResultStatus.FINAL);

            assertThat(vitals.temperatureCelsius()).isNull();
        }

        @Test
        void refuseASetWithoutAStatus() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new VitalSignsRecorded(
                            UUID.randomUUID(),
                            "p-1",
                            MORNING_DRAW,
                            MORNING_DRAW,
                            "monitor",
                            "msg-1",
                            new BigDecimal("38.6"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .withMessage("status");
        }
    }

    @Nested
    class TherapyEvents {

        @Test
        void refuseASupportiveDrugEventWithoutTheDrug() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, null))
                    .withMessageContaining("needs the drug");
        }

        @ParameterizedTest
        @EnumSource(value = TherapyEventType.class, names = "SUPPORTIVE_DRUG_GIVEN", mode = EnumSource.Mode.EXCLUDE)
        void refuseAnImmunotherapyEventWithoutTheTherapy(TherapyEventType type) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> therapyEvent(type, null, null))
                    .withMessageContaining("needs the therapy");
        }

        @Test
        void acceptASupportiveDrugWithoutATherapy() {
            var tocilizumab = therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, SupportiveDrug.TOCILIZUMAB);

            assertThat(tocilizumab.therapy()).isNull();
        }

        private static TherapyEventRecorded therapyEvent(
                TherapyEventType type, @Nullable Therapy therapy, @Nullable SupportiveDrug drug) {
            return new TherapyEventRecorded(
                    UUID.randomUUID(),
                    "p-1",
                    MORNING_DRAW,
                    MORNING_DRAW,
                    "emar",
                    "msg-1",
                    type,
                    therapy,
                    null,
                    null,
                    null,
                    null,
                    null,
                    drug,
                    null,
                    null);
        }
    }

    @Nested
    class NeurologicAssessments {

        @ParameterizedTest
        @ValueSource(ints = {-1, 11})
        void refuseAnIceScoreOutside0To10(int iceScore) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> neurologic(iceScore, null))
                    .withMessageContaining("ICE score is 0-10");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 33})
        void refuseACapdScoreOutside0To32(int capdScore) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> neurologic(null, capdScore))
                    .withMessageContaining("CAPD score is 0-32");
        }

        @Test
        void acceptAnAssessmentInWhichNoDomainWasAssessed() {
            var nothing = neurologic(null, null);

            assertThat(nothing.iceScore()).isNull();
            assertThat(nothing.consciousness()).isNull();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 10})
        void acceptTheEndsOfTheIceScale(int iceScore) {
            assertThat(neurologic(iceScore, null).iceScore()).isEqualTo(iceScore);
        }

        private static NeurologicAssessmentRecorded neurologic(
                @Nullable Integer iceScore, @Nullable Integer capdScore) {
            return new NeurologicAssessmentRecorded(
                    UUID.randomUUID(),
                    "p-1",
                    MORNING_DRAW,
                    MORNING_DRAW,
                    "charting",
                    "msg-1",
                    iceScore,
                    capdScore,
                    null,
                    null,
                    null,
                    null,
                    ResultStatus.FINAL);
        }
    }

    @Nested
    class Assessments {

        @Test
        void refuseAnAssessmentWithNeitherGradeNorReason() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> assessment(null, null, List.of()))
                    .withMessageContaining("must say why");
        }

        @Test
        void acceptANotAssessableStateThatSaysWhy() {
            var notAssessable = assessment(null, "no LLN reported and no default", List.of());

            assertThat(notAssessable.grade()).isNull();
        }

        @Test
        void keepTheThresholdsAsTheyWereWhenTheCallerChangesItsList() {
            var thresholds = new ArrayList<>(List.of(new AppliedThreshold(4, "v < 0.5 10*9/L", true)));
            var assessment = assessment(4, null, thresholds);

            thresholds.clear();

            assertThat(assessment.thresholds()).hasSize(1);
        }

        private static ToxicityAssessed assessment(
                @Nullable Integer grade, @Nullable String reason, List<AppliedThreshold> thresholds) {
            return new ToxicityAssessed(
                    UUID.randomUUID(),
                    "p-1",
                    MORNING_DRAW,
                    MORNING_DRAW,
                    Criterion.NEUTROPHIL_COUNT_DECREASED,
                    Criterion.NEUTROPHIL_COUNT_DECREASED.id(),
                    grade,
                    reason,
                    null,
                    "summary",
                    thresholds,
                    List.of(),
                    false,
                    ReferenceRangeSource.REPORTED,
                    null,
                    "test",
                    "monitoring",
                    "lab-42");
        }
    }

    @Nested
    class Alerts {

        @Test
        void refuseAnAlertWithoutAnActor() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new AlertChanged(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            "p-1",
                            MORNING_DRAW,
                            AlertTransition.RAISED,
                            AlertStatus.OPEN,
                            AlertPriority.HIGH,
                            Criterion.NEUTROPHIL_COUNT_DECREASED,
                            ToxicityFamily.CYTOPENIA,
                            4,
                            null,
                            null,
                            null,
                            "alerting",
                            "assessment-1",
                            null,
                            null))
                    .withMessage("actor");
        }
    }

    @Nested
    class Rejections {

        @Test
        void refuseARejectionWithoutReasons() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> rejection(List.of()))
                    .withMessageContaining("at least one reason");
        }

        @Test
        void keepTheReasonsAsTheyWereWhenTheCallerChangesItsList() {
            var reasons = new ArrayList<>(List.of("unit 'mg' is not a unit of ANC (OBX^6^3)"));
            var rejection = rejection(reasons);

            reasons.clear();

            assertThat(rejection.reasons()).hasSize(1);
        }

        private static RejectedInput rejection(List<String> reasons) {
            return new RejectedInput(
                    UUID.randomUUID(), MORNING_DRAW, "HL7V2", "lis", null, Topics.LAB_RESULTS, reasons, "MSH|...");
        }
    }
}
