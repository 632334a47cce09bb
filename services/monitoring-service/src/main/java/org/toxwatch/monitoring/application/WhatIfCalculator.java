package org.toxwatch.monitoring.application;

import java.util.List;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * Use case: grade a hypothetical patient from a set of events, exactly as the stream would: the events are
 * folded into an empty state through the same {@link ClinicalEvent#applyTo} and graded by the same
 * {@link ToxicityGrader}. Nothing is stored or published.
 */
public final class WhatIfCalculator {

    private final ToxicityGrader grader;

    public WhatIfCalculator(ToxicityGrader grader) {
        this.grader = grader;
    }

    /** Every assessment the engine makes of the patient once all events are applied in clinical order. */
    public List<Assessment> grade(String patientId, List<ClinicalEvent> events) {
        PatientState state = PatientState.empty(patientId);
        for (ClinicalEvent event :
                events.stream().sorted(ClinicalEvent.CLINICAL_ORDER).toList()) {
            // Re-graded after every event, as the stream does: a rule whose action is permanent (BLINCYTO, CRS
            // grade 4) remembers what was published along the way, so the calculator must publish along the way too.
            state = grader.reassess(event.applyTo(state)).state();
        }
        return grader.assessAll(state);
    }
}
