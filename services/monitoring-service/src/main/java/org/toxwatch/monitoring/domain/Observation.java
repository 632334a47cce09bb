package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.units.VitalSign;

/**
 * One numeric observation as a rule sees it: the value in the analyte's canonical unit, and what was
 * reported, so the assessment can show the clinician both.
 *
 * @param code LOINC code, or a ToxWatch code for a vital sign without one
 * @param value value in {@code unit}, the canonical unit
 * @param reportedRange the reference range as the laboratory reported it, in {@code reportedUnit}
 */
public record Observation(
        UUID eventId,
        String code,
        String display,
        BigDecimal value,
        String unit,
        BigDecimal reportedValue,
        String reportedUnit,
        @Nullable ReferenceRange reportedRange,
        Instant observedAt,
        String sourceMessageId) {

    public Evidence toEvidence() {
        return new Evidence(
                eventId,
                code,
                display,
                reportedValue,
                reportedUnit,
                value,
                unit,
                reportedRange,
                observedAt,
                sourceMessageId);
    }

    /** The body temperatures among {@code vitals}, in their order (CRS 4.1 and febrile neutropenia 3 read them). */
    public static List<Observation> bodyTemperatures(List<VitalSignsRecorded> vitals) {
        var temperatures = new ArrayList<Observation>();
        for (var reading : vitals) {
            var celsius = reading.temperatureCelsius();
            if (celsius != null) {
                temperatures.add(new Observation(
                        reading.eventId(),
                        VitalSign.BODY_TEMPERATURE.loinc(),
                        VitalSign.BODY_TEMPERATURE.display(),
                        celsius,
                        VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                        celsius,
                        VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                        null,
                        reading.observedAt(),
                        reading.sourceMessageId()));
            }
        }
        return temperatures;
    }
}
