package org.toxwatch.alerting.patient.domain.timeline;

import java.util.Optional;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;

/** Which received events the timeline keeps, and as what. */
public final class ObservationRecords {

    /** What became of a received observation. */
    public enum Outcome {
        KEPT,
        /** Not an analyte the timeline charts. */
        NOT_CHARTED,
        /** Charted analyte, but not in its canonical unit (see {@link ChartedAnalyte}). */
        OTHER_UNIT
    }

    /** The observation to keep, or why there is none. */
    public record Selection(Outcome outcome, Optional<ChartedObservation> observation) {

        static Selection kept(ChartedObservation observation) {
            return new Selection(Outcome.KEPT, Optional.of(observation));
        }

        static Selection not(Outcome outcome) {
            return new Selection(outcome, Optional.empty());
        }
    }

    private ObservationRecords() {}

    /** A lab result of a charted analyte in its canonical unit; a cancellation is kept to withdraw what it names. */
    public static Selection of(LabResultRecorded result) {
        var analyte = ChartedAnalyte.byCode(result.loinc());
        if (analyte.isEmpty()) {
            return Selection.not(Outcome.NOT_CHARTED);
        }
        String unit = analyte.get().canonicalUnit();
        boolean cancelled = result.value() == null;
        if (!cancelled && !unit.equals(result.ucumUnit())) {
            return Selection.not(Outcome.OTHER_UNIT);
        }
        return Selection.kept(new ChartedObservation(
                result.eventId(),
                result.patientId(),
                analyte.get(),
                result.loinc(),
                result.value(),
                unit,
                result.comparator(),
                result.referenceRange(),
                result.observedAt(),
                result.receivedAt(),
                result.sourceMessageId(),
                result.sourceObservationId(),
                result.status()));
    }

    /** The body temperature of a set of vital signs (already in Cel on the wire, CRITERIA.md 13.2). */
    public static Selection of(VitalSignsRecorded vitals) {
        var temperature = vitals.temperatureCelsius();
        if (temperature == null) {
            return Selection.not(Outcome.NOT_CHARTED);
        }
        var analyte = ChartedAnalyte.BODY_TEMPERATURE;
        return Selection.kept(new ChartedObservation(
                vitals.eventId(),
                vitals.patientId(),
                analyte,
                "8310-5",
                temperature,
                analyte.canonicalUnit(),
                null,
                null,
                vitals.observedAt(),
                vitals.receivedAt(),
                vitals.sourceMessageId(),
                null,
                vitals.status()));
    }

    /** Every therapy event but supportive drugs, which belong to the criteria they mask, not to the time axis. */
    public static Optional<TherapyMilestone> of(TherapyEventRecorded event) {
        var therapy = event.therapy();
        if (event.type() == TherapyEventType.SUPPORTIVE_DRUG_GIVEN || therapy == null) {
            return Optional.empty();
        }
        return Optional.of(new TherapyMilestone(
                event.eventId(),
                event.patientId(),
                event.occurredAt(),
                event.type(),
                therapy,
                event.product(),
                event.cycle(),
                event.cycleDay()));
    }
}
