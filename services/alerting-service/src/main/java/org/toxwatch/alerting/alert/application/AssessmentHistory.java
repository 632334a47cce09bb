package org.toxwatch.alerting.alert.application;

import java.util.List;
import org.toxwatch.model.ToxicityAssessed;

/** Port: every assessment received, kept per patient for the timeline. */
public interface AssessmentHistory {

    /** Keeps the assessment; keeping a redelivered one again changes nothing (keyed by its event id). */
    void record(ToxicityAssessed assessment);

    /** The patient's assessments, oldest clinical time first. */
    List<ToxicityAssessed> of(String patientId);
}
