package org.toxwatch.monitoring.domain.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Conversion;
import org.toxwatch.monitoring.domain.units.Sex;
import org.toxwatch.monitoring.domain.units.UnitConversion;

/**
 * One laboratory result as a rule grades it: converted to the canonical unit, with its reference limits and
 * what the laboratory said about it besides the number.
 *
 * @param probe where a censored value is taken when a rule compares it; {@link Probe#AT} for an exact one
 */
public record LabResult(
        Analyte analyte, Observation observation, ReferenceLimits limits, ResultQualifiers qualifiers, Probe probe) {

    /** An exact result timed to the second, nothing reported about its specimen. */
    public LabResult(Analyte analyte, Observation observation, ReferenceLimits limits) {
        this(analyte, observation, limits, ResultQualifiers.NONE, Probe.AT);
    }

    /** Reads a recorded result for a patient of unknown sex (the contract carries no sex yet). */
    public static LabReading read(LabResultRecorded recorded) {
        return read(recorded, Sex.UNKNOWN);
    }

    /**
     * Maps the LOINC code to an analyte (13.1), converts value and range to the canonical unit (13.3) and
     * resolves the limits (1.3). A code ToxWatch does not grade, a cancelled result or a unit 13.3 does not
     * map is {@link LabReading.Unreadable}, with the reason.
     */
    public static LabReading read(LabResultRecorded recorded, Sex sex) {
        var analyte = Analyte.byLoinc(recorded.loinc()).orElse(null);
        if (analyte == null) {
            return new LabReading.Unreadable(
                    null, "LOINC " + recorded.loinc() + " is not a graded analyte", evidenceOf(recorded, null));
        }
        var value = recorded.value();
        var unit = recorded.ucumUnit();
        if (recorded.status() == ResultStatus.CANCELLED || value == null || unit == null) {
            return new LabReading.Unreadable(
                    analyte, analyte.display() + " result was cancelled", evidenceOf(recorded, analyte));
        }
        return switch (UnitConversion.convert(analyte, value, unit)) {
            case Conversion.UnknownUnit unknown ->
                new LabReading.Unreadable(analyte, unknown.reason(), evidenceOf(recorded, analyte));
            case Conversion.Converted converted ->
                new LabReading.Readable(new LabResult(
                        analyte,
                        new Observation(
                                recorded.eventId(),
                                recorded.loinc(),
                                analyte.display(),
                                converted.value(),
                                converted.unit(),
                                value,
                                unit,
                                recorded.referenceRange(),
                                recorded.observedAt(),
                                recorded.sourceMessageId()),
                        ReferenceLimits.resolve(analyte, recorded.referenceRange(), unit, sex),
                        ResultQualifiers.of(recorded),
                        Probe.AT));
        };
    }

    /** The value; a censored one with its comparator, taken at this result's probe. */
    public Quantity quantity() {
        return Quantity.of(observation).censored(qualifiers.comparator(), probe);
    }

    /** True when the result is a bound ({@code <0.1}) rather than a value. */
    public boolean censored() {
        return qualifiers.censored();
    }

    /** This result at each end of the set of values it allows ({@link Quantity#ends()}); itself when exact. */
    public List<LabResult> ends() {
        return quantity().ends().stream()
                .map(end -> new LabResult(analyte, observation, limits, qualifiers, end))
                .toList();
    }

    public Instant observedAt() {
        return observation.observedAt();
    }

    public @Nullable ReferenceLimit lower() {
        return limits.lower();
    }

    public @Nullable ReferenceLimit upper() {
        return limits.upper();
    }

    /**
     * The result as evidence; a censored value or a unit the sender spelled otherwise is named in the display,
     * e.g. {@code ANC (censored: <0.1; reported unit K/uL)}, since the evidence's value is the bound.
     */
    public Evidence evidence() {
        var evidence = observation.toEvidence();
        var remarks = new ArrayList<String>();
        var comparator = qualifiers.comparator();
        if (comparator != null) {
            remarks.add("censored: " + comparator.symbol() + Quantity.number(observation.reportedValue()));
        }
        if (qualifiers.reportedUnit() != null) {
            remarks.add("reported unit " + qualifiers.reportedUnit());
        }
        if (remarks.isEmpty()) {
            return evidence;
        }
        return new Evidence(
                evidence.eventId(),
                evidence.code(),
                evidence.display() + " (" + String.join("; ", remarks) + ")",
                evidence.value(),
                evidence.unit(),
                evidence.canonicalValue(),
                evidence.canonicalUnit(),
                evidence.referenceRange(),
                evidence.observedAt(),
                evidence.sourceMessageId());
    }

    /** E.g. {@code ANC 400 /uL (0.4 10*9/L)}. */
    public String describe() {
        return analyte.display() + " " + quantity().display();
    }

    private static Evidence evidenceOf(LabResultRecorded recorded, @Nullable Analyte analyte) {
        return new Evidence(
                recorded.eventId(),
                recorded.loinc(),
                analyte == null ? recorded.loinc() : analyte.display(),
                recorded.value(),
                recorded.ucumUnit(),
                null,
                null,
                recorded.referenceRange(),
                recorded.observedAt(),
                recorded.sourceMessageId());
    }
}
