package org.toxwatch.monitoring.domain;

import org.jspecify.annotations.Nullable;

/**
 * One criterion of {@code shared/clinical/CRITERIA.md} as it is graded on a patient: it reads the patient's state and
 * builds its rule's inputs itself (its window, its evidence, the values it needs), so that everything about a
 * criterion lives in the criterion's package. {@link CriteriaCatalogue#rules()} lists them in grading order.
 */
@FunctionalInterface
public interface PatientRule {

    /** The criterion's current assessment, or null when the state holds nothing it grades. */
    @Nullable
    Assessment assess(PatientState patient, GradingContext context);
}
