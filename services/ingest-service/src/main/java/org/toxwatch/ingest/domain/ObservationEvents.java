package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Turns a validated submission into the event it stands for: a lab result, or a vital-signs record with
 * the one measurement set. The event id is derived from the sender, its message id and everything the
 * observation says (and, in a JSON array, its position), so a resend produces the same id and every consumer's
 * idempotent effect ignores it, while a different value sent under a reused message id gets an id of its own.
 */
public final class ObservationEvents {

    public static UUID eventIdOf(String sourceSystem, String sourceMessageId, String discriminator) {
        String name = sourceSystem + "\n" + sourceMessageId + "\n" + discriminator;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Requires a submission the {@link ObservationValidator} accepted. */
    public static Object toEvent(ObservationSubmission valid, String sourceSystem, Instant receivedAt) {
        return toEvent(valid, sourceSystem, receivedAt, "");
    }

    /**
     * @param position where the item sits in its message when that is part of its identity (a JSON array: two
     *     items may say the same), else empty
     */
    public static Object toEvent(
            ObservationSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        String loinc = Objects.requireNonNull(valid.loinc()).trim();
        ObservationCode code = ObservationCode.byLoinc(loinc).orElseThrow();
        ResultStatus status = ObservationValidator.statusOf(valid.status());
        Instant observedAt = Objects.requireNonNull(valid.effectiveTime());
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId());
        String patientId = Objects.requireNonNull(valid.patientId()).trim();
        UUID eventId = eventIdOf(
                sourceSystem, sourceMessageId, loinc + "\n" + observedAt + "\n" + status + "\n" + valid + position);
        if (code.isLab()) {
            return labResult(valid, loinc, eventId, patientId, observedAt, receivedAt, sourceSystem, status);
        }
        return vitalSigns(
                valid, code, eventId, patientId, observedAt, receivedAt, sourceSystem, sourceMessageId, status);
    }

    /**
     * The value in its canonical unit (see {@link CanonicalUnits}) after the sender's spelling is read as UCUM
     * ({@link ReportedUnits}); the spelling itself is kept as {@code reportedUnit} when it differs from the unit
     * stored.
     */
    private static LabResultRecorded labResult(
            ObservationSubmission valid,
            String loinc,
            UUID eventId,
            String patientId,
            Instant observedAt,
            Instant receivedAt,
            String sourceSystem,
            ResultStatus status) {
        String reportedUnit = trimmed(valid.unit());
        String unit = Objects.requireNonNull(ReportedUnits.ucumOf(reportedUnit));
        ReferenceRange range = valid.referenceLow() == null && valid.referenceHigh() == null
                ? null
                : new ReferenceRange(
                        CanonicalUnits.limit(loinc, valid.referenceLow(), unit),
                        CanonicalUnits.limit(loinc, valid.referenceHigh(), unit));
        CanonicalUnits.Quantity quantity = status == ResultStatus.CANCELLED || valid.value() == null
                ? null
                : CanonicalUnits.of(loinc, valid.value(), unit);
        return new LabResultRecorded(
                eventId,
                patientId,
                observedAt,
                receivedAt,
                sourceSystem,
                Objects.requireNonNull(valid.sourceMessageId()),
                valid.sourceObservationId(),
                loinc,
                quantity == null ? null : quantity.value(),
                quantity == null ? null : quantity.unit(),
                range,
                status,
                quantity == null ? null : valid.comparator(),
                quantity == null || reportedUnit.equals(quantity.unit()) ? null : reportedUnit,
                valid.abnormalFlags(),
                valid.specimenConditions(),
                valid.effectiveTimePrecision());
    }

    private static VitalSignsRecorded vitalSigns(
            ObservationSubmission valid,
            ObservationCode code,
            UUID eventId,
            String patientId,
            Instant observedAt,
            Instant receivedAt,
            String sourceSystem,
            String sourceMessageId,
            ResultStatus status) {
        BigDecimal value = valid.value();
        String unit = Objects.requireNonNull(ReportedUnits.ucumOf(trimmed(valid.unit())));
        BigDecimal temperature = null;
        BigDecimal heartRate = null;
        BigDecimal systolic = null;
        BigDecimal diastolic = null;
        BigDecimal mean = null;
        BigDecimal spo2 = null;
        BigDecimal respiratoryRate = null;
        OxygenDevice device = null;
        BigDecimal flow = null;
        BigDecimal weight = null;
        switch (code.kind()) {
            case TEMPERATURE -> temperature = VitalSignUnits.toCelsius(Objects.requireNonNull(value), unit);
            case HEART_RATE -> heartRate = value;
            case SYSTOLIC_BP -> systolic = value;
            case DIASTOLIC_BP -> diastolic = value;
            case MEAN_ARTERIAL_PRESSURE -> mean = value;
            case SPO2 -> spo2 = value;
            case RESPIRATORY_RATE -> respiratoryRate = value;
            case OXYGEN_FLOW -> flow = VitalSignUnits.toLitresPerMinute(Objects.requireNonNull(value), unit);
            case OXYGEN_DEVICE ->
                device = OxygenDeviceCodes.parse(Objects.requireNonNull(valid.valueCode()))
                        .orElseThrow();
            case WEIGHT -> weight = VitalSignUnits.toKilograms(Objects.requireNonNull(value), unit);
            case LAB -> throw new IllegalArgumentException("not a vital sign: " + code.loinc());
        }
        return new VitalSignsRecorded(
                eventId,
                patientId,
                observedAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                temperature,
                heartRate,
                systolic,
                diastolic,
                mean,
                spo2,
                respiratoryRate,
                device,
                flow,
                weight,
                status);
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }

    private ObservationEvents() {}
}
