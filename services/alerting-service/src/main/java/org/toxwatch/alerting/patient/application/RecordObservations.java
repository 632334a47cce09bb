package org.toxwatch.alerting.patient.application;

import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * Use case: keep what the timeline charts of each received lab result, set of vital signs and therapy event, so
 * the chart shows every value, not only those that changed a grade. Idempotent by event id.
 */
public final class RecordObservations {

    private final ObservationLog log;

    public RecordObservations(ObservationLog log) {
        this.log = log;
    }

    public Outcome on(LabResultRecorded result) {
        var selection = ObservationRecords.of(result);
        selection.observations().forEach(log::record);
        return selection.outcome();
    }

    public Outcome on(VitalSignsRecorded vitals) {
        var selection = ObservationRecords.of(vitals);
        selection.observations().forEach(log::record);
        return selection.outcome();
    }

    public Outcome on(TherapyEventRecorded event) {
        var milestone = ObservationRecords.of(event);
        milestone.ifPresent(log::record);
        return milestone.isPresent() ? Outcome.KEPT : Outcome.NOT_CHARTED;
    }
}
