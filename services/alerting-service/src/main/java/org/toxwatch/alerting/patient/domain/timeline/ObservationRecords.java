package org.toxwatch.alerting.patient.domain.timeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    /** The observations to keep (a set of vital signs may give several), or why there is none. */
    public record Selection(Outcome outcome, List<ChartedObservation> observations) {

        public Selection {
            observations = List.copyOf(observations);
        }

        static Selection kept(ChartedObservation observation) {
            return new Selection(Outcome.KEPT, List.of(observation));
        }

        static Selection not(Outcome outcome) {
            return new Selection(outcome, List.of());
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

    /**
     * The charted measurements of a set of vital signs (already in canonical units on the wire, CRITERIA.md 13.2):
     * temperature, blood pressure and SpO2, each with its own code; nothing when none was measured.
     */
    public static Selection of(VitalSignsRecorded vitals) {
        var kept = new ArrayList<ChartedObservation>();
        measured(vitals, ChartedAnalyte.BODY_TEMPERATURE, "8310-5", vitals.temperatureCelsius(), kept);
        measured(vitals, ChartedAnalyte.SYSTOLIC_BP, "8480-6", vitals.systolicMmHg(), kept);
        measured(vitals, ChartedAnalyte.DIASTOLIC_BP, "8462-4", vitals.diastolicMmHg(), kept);
        measured(vitals, ChartedAnalyte.MEAN_ARTERIAL_PRESSURE, "8478-0", vitals.meanArterialMmHg(), kept);
        measured(vitals, ChartedAnalyte.SPO2, "59408-5", vitals.spo2Percent(), kept);
        return kept.isEmpty() ? Selection.not(Outcome.NOT_CHARTED) : new Selection(Outcome.KEPT, kept);
    }

    private static void measured(
            VitalSignsRecorded vitals,
            ChartedAnalyte analyte,
            String code,
            @Nullable BigDecimal value,
            List<ChartedObservation> kept) {
        if (value == null) {
            return;
        }
        kept.add(new ChartedObservation(
                vitals.eventId(),
                vitals.patientId(),
                analyte,
                code,
                value,
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
