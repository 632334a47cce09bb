package org.toxwatch.alerting.patient.application;

import java.util.ArrayList;
import java.util.List;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Use case: keep what the timeline charts of each received lab result, set of vital signs and therapy event, so
 * the chart shows every value, not only those that changed a grade. A batch at a time, one write per kind;
 * idempotent by event id.
 */
public final class RecordObservations {

    private final ObservationLog log;

    public RecordObservations(ObservationLog log) {
        this.log = log;
    }

    /**
     * Keeps what the records chart and answers each one's outcome, in order. Any other clinical record (a
     * neurological assessment, say) is not charted. A record that cannot be read for the chart fails alone: what the
     * records before it chart is kept first ({@link Failed}).
     */
    public List<Outcome> onAll(List<? extends ClinicalRecord> records) {
        var observations = new ArrayList<ChartedObservation>();
        var therapy = new ArrayList<TherapyMilestone>();
        var outcomes = new ArrayList<Outcome>(records.size());
        for (ClinicalRecord record : records) {
            try {
                outcomes.add(select(record, observations, therapy));
            } catch (RuntimeException e) {
                keep(observations, therapy);
                throw new Failed(outcomes, e);
            }
        }
        keep(observations, therapy);
        return outcomes;
    }

    private static Outcome select(
            ClinicalRecord record, List<ChartedObservation> observations, List<TherapyMilestone> therapy) {
        return switch (record) {
            case LabResultRecorded result -> {
                var selection = ObservationRecords.of(result);
                observations.addAll(selection.observations());
                yield selection.outcome();
            }
            case VitalSignsRecorded vitals -> {
                var selection = ObservationRecords.of(vitals);
                observations.addAll(selection.observations());
                yield selection.outcome();
            }
            case TherapyEventRecorded event -> {
                var milestone = ObservationRecords.of(event);
                milestone.ifPresent(therapy::add);
                yield milestone.isPresent() ? Outcome.KEPT : Outcome.NOT_CHARTED;
            }
            default -> Outcome.NOT_CHARTED;
        };
    }

    private void keep(List<ChartedObservation> observations, List<TherapyMilestone> therapy) {
        if (!observations.isEmpty()) {
            log.recordObservations(observations);
        }
        if (!therapy.isEmpty()) {
            log.recordTherapy(therapy);
        }
    }

    /** The record after those {@link #outcomes()} were kept could not be charted; it is at index {@link #index()}. */
    public static final class Failed extends RuntimeException {

        private final transient List<Outcome> outcomes;

        Failed(List<Outcome> outcomes, RuntimeException cause) {
            super("record " + outcomes.size() + " of the batch could not be charted", cause);
            this.outcomes = List.copyOf(outcomes);
        }

        public int index() {
            return outcomes.size();
        }

        /** The outcomes of the records before it, which were kept. */
        public List<Outcome> outcomes() {
            return outcomes;
        }
    }
}
