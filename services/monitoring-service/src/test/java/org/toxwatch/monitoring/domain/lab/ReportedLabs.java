package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.PatientEvents;
import org.toxwatch.monitoring.domain.units.Analyte;

/** Laboratory results as laboratories write them: censored ({@code <0.1}), from a poor specimen, timed to the day. */
public final class ReportedLabs {

    private ReportedLabs() {}

    /**
     * A readable result written as the laboratory wrote it, e.g. {@code "<0.1"}, {@code ">=7.0"} or {@code "4.2"}.
     */
    public static LabResult reported(
            Analyte analyte, String written, String unit, @Nullable String low, @Nullable String high) {
        return read(recorded(analyte, written, unit, low, high));
    }

    public static LabResultRecorded recorded(
            Analyte analyte, String written, String unit, @Nullable String low, @Nullable String high) {
        var symbol = written.replaceAll("[0-9.]", "");
        var comparator = symbol.isEmpty()
                ? null
                : ValueComparator.ofSymbol(symbol).orElseThrow(() -> new IllegalArgumentException(written));
        var exact = PatientEvents.aLab(analyte)
                .value(written.substring(symbol.length()))
                .unit(unit)
                .range(low, high)
                .build();
        return with(exact, comparator, List.of(), null, null);
    }

    /** {@code recorded} with the laboratory's qualifiers. */
    public static LabResultRecorded with(
            LabResultRecorded recorded,
            @Nullable ValueComparator comparator,
            List<SpecimenCondition> conditions,
            @Nullable TimePrecision precision,
            @Nullable String reportedUnit) {
        return new LabResultRecorded(
                recorded.eventId(),
                recorded.patientId(),
                recorded.observedAt(),
                recorded.receivedAt(),
                recorded.sourceSystem(),
                recorded.sourceMessageId(),
                recorded.sourceObservationId(),
                recorded.loinc(),
                recorded.value(),
                recorded.ucumUnit(),
                recorded.referenceRange(),
                recorded.status(),
                comparator,
                reportedUnit,
                List.of(),
                conditions,
                precision);
    }

    public static LabResult read(LabResultRecorded recorded) {
        return switch (LabResult.read(recorded)) {
            case LabReading.Readable readable -> readable.result();
            case LabReading.Unreadable unreadable -> throw new AssertionError(unreadable.reason());
        };
    }
}
