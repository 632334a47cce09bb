package org.toxwatch.alerting.patient.application;

import java.util.List;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;

/**
 * Port: every charted observation and therapy event received for a patient, for the timeline. Bounded per patient
 * (the newest are kept) and in time; keeping a redelivered one again changes nothing (keyed by its event id).
 */
public interface ObservationLog {

    /** The observations of a batch of received records, of any patients (a set of vital signs holds several). */
    void recordObservations(List<ChartedObservation> observations);

    /** The therapy events of a batch of received records, of any patients. */
    void recordTherapy(List<TherapyMilestone> milestones);

    /** The patient's observations as they stand, and their therapy events. */
    PatientObservations of(String patientId);
}
