package org.toxwatch.monitoring.domain.icans;

import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * ICANS (CRITERIA.md section 5) on a patient: the newest neurological assessment by assessment time, with the
 * patient's age on its day (5.3), in or outside the CRS window: section 10 says a neurological event reported later
 * is still graded.
 */
public final class ImmuneEffectorNeurotoxicity implements PatientRule {

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        var newest = patient.newestNeuroAssessment();
        return newest == null ? null : IcansRule.assess(newest, context.ageAt(newest.observedAt()));
    }
}
