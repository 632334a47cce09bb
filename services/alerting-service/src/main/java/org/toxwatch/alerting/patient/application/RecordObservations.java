package org.toxwatch.alerting.patient.application;

import java.util.Optional;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Selection;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.ClinicalRecord;
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

    /** Any other clinical record (a neurological assessment, say) is not charted. */
    public Outcome on(ClinicalRecord record) {
        return switch (record) {
            case LabResultRecorded result -> keep(ObservationRecords.of(result));
            case VitalSignsRecorded vitals -> keep(ObservationRecords.of(vitals));
            case TherapyEventRecorded event -> keep(ObservationRecords.of(event));
            default -> Outcome.NOT_CHARTED;
        };
    }

    private Outcome keep(Selection selection) {
        if (!selection.observations().isEmpty()) {
            log.record(selection.observations());
        }
        return selection.outcome();
    }

    private Outcome keep(Optional<TherapyMilestone> milestone) {
        milestone.ifPresent(log::record);
        return milestone.isPresent() ? Outcome.KEPT : Outcome.NOT_CHARTED;
    }
}
