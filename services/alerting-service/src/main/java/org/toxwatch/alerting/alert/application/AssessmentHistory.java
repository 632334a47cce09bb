package org.toxwatch.alerting.alert.application;

import java.util.List;
import org.toxwatch.model.ToxicityAssessed;

/** Port: every assessment received, kept per patient for the timeline. */
public interface AssessmentHistory {

    /** Keeps the assessment; keeping a redelivered one again changes nothing (keyed by its event id). */
    void record(ToxicityAssessed assessment);

    /** Keeps each of the assessments, as {@link #record} does. */
    default void recordAll(List<ToxicityAssessed> assessments) {
        assessments.forEach(this::record);
    }

    /** The patient's assessments, oldest clinical time first. */
    List<ToxicityAssessed> of(String patientId);
}
