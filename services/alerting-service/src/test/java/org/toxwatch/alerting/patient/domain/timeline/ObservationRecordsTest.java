package org.toxwatch.alerting.patient.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;

class ObservationRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-03T06:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "751-8,   0.08, 10*9/L, KEPT",
        "777-3,   12,   10*9/L, KEPT",
        "718-7,   8.1,  g/dL,   KEPT",
        "1742-6,  278,  U/L,    KEPT",
        "1975-2,  1.4,  mg/dL,  KEPT",
        "1975-2,  24,   umol/L, OTHER_UNIT",
        "2160-0,  1.9,  mg/dL,  KEPT",
        "14682-9, 168,  umol/L, OTHER_UNIT",
        "1988-5,  148,  mg/L,   KEPT",
        "2276-4,  2450, ng/mL,  KEPT",
        "59260-0, 5.0,  mmol/L, OTHER_UNIT",
        "2823-3,  4.1,  mmol/L, NOT_CHARTED",
    })
    void keepsTheChartedAnalytesInTheirCanonicalUnitOnly(String loinc, String value, String unit, Outcome outcome) {
        var selection = ObservationRecords.of(lab(loinc, value, unit, ResultStatus.FINAL));

        assertThat(selection.outcome()).isEqualTo(outcome);
        assertThat(selection.observations()).hasSize(outcome == Outcome.KEPT ? 1 : 0);
    }

    @Test
    void aCancellationIsKeptSoThatItWithdrawsTheResultItNames() {
        var selection = ObservationRecords.of(lab("751-8", null, null, ResultStatus.CANCELLED));

        assertThat(selection.outcome()).isEqualTo(Outcome.KEPT);
        assertThat(selection.observations().getFirst().cancelled()).isTrue();
    }

    @Test
    void aSetOfVitalSignsGivesItsTemperatureAndNothingWithoutOne() {
        var withFever = vitals(new BigDecimal("38.6"));

        var kept = ObservationRecords.of(withFever).observations().getFirst();

        assertThat(kept.analyte()).isEqualTo(ChartedAnalyte.BODY_TEMPERATURE);
        assertThat(kept.value()).isEqualByComparingTo("38.6");
        assertThat(kept.unit()).isEqualTo("Cel");
        assertThat(ObservationRecords.of(vitals(null)).outcome()).isEqualTo(Outcome.NOT_CHARTED);
    }

    @Test
    void aSetOfVitalSignsGivesEachChartedMeasurementUnderItsOwnCodeAndLeavesTheRestOut() {
        var vitals = new VitalSignsRecorded(
                UUID.randomUUID(),
                "MRN-1",
                AT,
                AT,
                "monitor",
                "vitals-2",
                new BigDecimal("39.1"),
                new BigDecimal("124"),
                new BigDecimal("86"),
                new BigDecimal("48"),
                new BigDecimal("61"),
                new BigDecimal("91"),
                new BigDecimal("28"),
                null,
                null,
                null,
                ResultStatus.FINAL);

        var selection = ObservationRecords.of(vitals);

        assertThat(selection.outcome()).isEqualTo(Outcome.KEPT);
        assertThat(selection.observations())
                .extracting(
                        ChartedObservation::analyte,
                        ChartedObservation::code,
                        o -> o.value().toPlainString(),
                        ChartedObservation::unit)
                .as("heart rate and respiratory rate are not charted")
                .containsExactly(
                        tuple(ChartedAnalyte.BODY_TEMPERATURE, "8310-5", "39.1", "Cel"),
                        tuple(ChartedAnalyte.SYSTOLIC_BP, "8480-6", "86", "mm[Hg]"),
                        tuple(ChartedAnalyte.DIASTOLIC_BP, "8462-4", "48", "mm[Hg]"),
                        tuple(ChartedAnalyte.MEAN_ARTERIAL_PRESSURE, "8478-0", "61", "mm[Hg]"),
                        tuple(ChartedAnalyte.SPO2, "59408-5", "91", "%"));
        assertThat(selection.observations())
                .extracting(ChartedObservation::id)
                .as("one event, one log entry per code")
                .doesNotHaveDuplicates();
    }

    @Test
    void therapyEventsAreKeptAndSupportiveDrugsAreNot() {
        var infusion = therapy(TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, null);
        var tocilizumab = therapy(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, SupportiveDrug.TOCILIZUMAB);

        assertThat(ObservationRecords.of(infusion)).hasValueSatisfying(m -> {
            assertThat(m.type()).isEqualTo(TherapyEventType.CAR_T_INFUSED);
            assertThat(m.occurredAt()).isEqualTo(AT);
        });
        assertThat(ObservationRecords.of(tocilizumab)).isEmpty();
    }

    private static LabResultRecorded lab(
            String loinc, @Nullable String value, @Nullable String unit, ResultStatus status) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                "MRN-1",
                AT,
                AT.plusSeconds(3600),
                "lis",
                "lab-1",
                "ORD-1",
                loinc,
                value == null ? null : new BigDecimal(value),
                unit,
                null,
                status);
    }

    private static VitalSignsRecorded vitals(@Nullable BigDecimal temperature) {
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                "MRN-1",
                AT,
                AT,
                "monitor",
                "vitals-1",
                temperature,
                new BigDecimal("88"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResultStatus.FINAL);
    }

    private static TherapyEventRecorded therapy(
            TherapyEventType type, @Nullable Therapy therapy, @Nullable SupportiveDrug drug) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                "MRN-1",
                AT,
                AT,
                "emar",
                "rx-1",
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
