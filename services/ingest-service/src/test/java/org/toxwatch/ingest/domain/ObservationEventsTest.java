package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;

class ObservationEventsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T10:00:00Z");

    private static ObservationSubmission submission(String loinc, String value, String unit, String sourceMessageId) {
        return new ObservationSubmission(
                "MRN-0001",
                loinc,
                value == null ? null : new BigDecimal(value),
                null,
                unit,
                Instant.parse("2026-11-20T08:00:00Z"),
                null,
                null,
                null,
                sourceMessageId,
                null,
                null);
    }

    @Test
    void aLabCodeBecomesALabResultWithItsValueUnitAndReportedRangeUnchanged() {
        var anc = new ObservationSubmission(
                "MRN-0001",
                "751-8",
                new BigDecimal("0.4"),
                null,
                "10*9/L",
                Instant.parse("2026-11-20T08:00:00Z"),
                new BigDecimal("1.8"),
                new BigDecimal("7.7"),
                null,
                "lab-42",
                null,
                null);

        var event = (LabResultRecorded) ObservationEvents.toEvent(anc, "integration", RECEIVED);

        assertThat(event.value()).isEqualByComparingTo("0.4");
        assertThat(event.ucumUnit()).isEqualTo("10*9/L");
        assertThat(event.referenceRange().low()).isEqualByComparingTo("1.8");
        assertThat(event.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(event.observedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aResendGetsTheSameEventIdAndAnotherMessageAnother() {
        var first = (LabResultRecorded)
                ObservationEvents.toEvent(submission("751-8", "0.4", "10*9/L", "lab-42"), "lis", RECEIVED);
        var resend = (LabResultRecorded) ObservationEvents.toEvent(
                submission("751-8", "0.4", "10*9/L", "lab-42"), "lis", RECEIVED.plusSeconds(30));
        var other = (LabResultRecorded)
                ObservationEvents.toEvent(submission("751-8", "0.4", "10*9/L", "lab-43"), "lis", RECEIVED);
        var otherSender = (LabResultRecorded)
                ObservationEvents.toEvent(submission("751-8", "0.4", "10*9/L", "lab-42"), "ehr", RECEIVED);

        assertThat(resend.eventId()).isEqualTo(first.eventId());
        assertThat(other.eventId()).isNotEqualTo(first.eventId());
        assertThat(otherSender.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void aFahrenheitTemperatureIsStoredInCelsiusExactly() {
        var event = (VitalSignsRecorded)
                ObservationEvents.toEvent(submission("8310-5", "100.4", "[degF]", "v-1"), "icu", RECEIVED);

        assertThat(event.temperatureCelsius()).isEqualByComparingTo("38.0");
        assertThat(event.heartRatePerMinute()).isNull();
    }

    @Test
    void weightInPoundsAndFlowInMillilitresAreConvertedToKilogramsAndLitres() {
        var weight = (VitalSignsRecorded)
                ObservationEvents.toEvent(submission("29463-7", "150", "[lb_av]", "w-1"), "ward", RECEIVED);
        var flow = (VitalSignsRecorded)
                ObservationEvents.toEvent(submission("3151-8", "2500", "mL/min", "f-1"), "ward", RECEIVED);

        assertThat(weight.weightKg()).isEqualByComparingTo("68.0388555");
        assertThat(flow.oxygenFlowLitresPerMinute()).isEqualByComparingTo("2.5");
    }

    @Test
    void aSnomedOxygenDeviceCodeMapsToTheCrsDeviceCategory() {
        var device = new ObservationSubmission(
                "MRN-0001",
                "107117-4",
                null,
                "427591007",
                null,
                Instant.parse("2026-11-20T08:00:00Z"),
                null,
                null,
                null,
                "d-1",
                null,
                null);

        var event = (VitalSignsRecorded) ObservationEvents.toEvent(device, "icu", RECEIVED);

        assertThat(event.oxygenDevice()).isEqualTo(OxygenDevice.NON_REBREATHER);
    }

    @Nested
    class AsLaboratoriesReportThem {

        private ObservationSubmission censored(
                String loinc, String comparator, String value, String unit, List<String> flags) {
            return new ObservationSubmission(
                    "MRN-0001",
                    loinc,
                    new BigDecimal(value),
                    null,
                    unit,
                    Instant.parse("2026-11-20T00:00:00Z"),
                    null,
                    null,
                    null,
                    "lab-44",
                    null,
                    null,
                    comparator == null
                            ? null
                            : ValueComparator.ofSymbol(comparator).orElseThrow(),
                    flags,
                    List.of(SpecimenCondition.HEMOLYZED),
                    TimePrecision.DAY);
        }

        @Test
        void aVendorUnitIsStoredInUcumAndTheSendersSpellingKeptBesideIt() {
            var event = (LabResultRecorded)
                    ObservationEvents.toEvent(submission("751-8", "0.4", "K/uL", "lab-42"), "lis", RECEIVED);

            assertThat(event.value()).isEqualByComparingTo("0.4");
            assertThat(event.ucumUnit()).isEqualTo("10*9/L");
            assertThat(event.reportedUnit()).isEqualTo("K/uL");
        }

        @Test
        void aUnitSentAsStoredHasNoReportedUnit() {
            var event = (LabResultRecorded)
                    ObservationEvents.toEvent(submission("751-8", "0.4", "10*9/L", "lab-42"), "lis", RECEIVED);

            assertThat(event.reportedUnit()).isNull();
        }

        @Test
        void potassiumInMilliequivalentsIsStoredInMillimolesPerLitre() {
            var event = (LabResultRecorded)
                    ObservationEvents.toEvent(submission("2823-3", "6.1", "mEq/L", "lab-42"), "lis", RECEIVED);

            assertThat(event.value()).isEqualByComparingTo("6.1");
            assertThat(event.ucumUnit()).isEqualTo("mmol/L");
            assertThat(event.reportedUnit()).isEqualTo("mEq/L");
        }

        @Test
        void aCensoredValueKeepsItsComparatorWithTheBoundConvertedLikeAValue() {
            var event = (LabResultRecorded) ObservationEvents.toEvent(
                    censored("751-8", "<", "100", "{cells}/uL", List.of("LL")), "lis", RECEIVED);

            assertThat(event.comparator()).isEqualTo(ValueComparator.LESS_THAN);
            assertThat(event.value()).isEqualByComparingTo("0.1");
            assertThat(event.ucumUnit()).isEqualTo("10*9/L");
            assertThat(event.reportedUnit()).isEqualTo("{cells}/uL");
        }

        @Test
        void flagsSpecimenConditionAndTimePrecisionReachTheEvent() {
            var event = (LabResultRecorded) ObservationEvents.toEvent(
                    censored("2823-3", null, "6.8", "mmol/L", List.of("H", "A")), "lis", RECEIVED);

            assertThat(event.comparator()).isNull();
            assertThat(event.abnormalFlags()).containsExactly("H", "A");
            assertThat(event.specimenConditions()).containsExactly(SpecimenCondition.HEMOLYZED);
            assertThat(event.observedAtPrecision()).isEqualTo(TimePrecision.DAY);
        }

        @Test
        void aTemperatureWrittenWithTheDegreeSignIsConverted() {
            var event = (VitalSignsRecorded)
                    ObservationEvents.toEvent(submission("8310-5", "101.3", "°F", "v-2"), "icu", RECEIVED);

            assertThat(event.temperatureCelsius()).isEqualByComparingTo("38.5");
        }
    }
}
