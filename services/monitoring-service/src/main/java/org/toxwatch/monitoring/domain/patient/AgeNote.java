package org.toxwatch.monitoring.domain.patient;

import java.util.Optional;

/**
 * How an age-dependent rule names, on its assessment, the age it used (issue 10 item 3). The contract has no field
 * or caveat for it ({@code AssessmentCaveat} is a v1 enum), so the words go into the applied threshold's condition
 * and the summary, where the console shows them: {@code systolic < 82 mmHg (PALS, age 6 years)}, or, without a
 * birth date, {@value #AGE_UNKNOWN_ADULT_THRESHOLDS}.
 */
public final class AgeNote {

    /** The data-quality note of an assessment whose rule had no birth date and used its adult thresholds. */
    public static final String AGE_UNKNOWN_ADULT_THRESHOLDS = "age unknown — adult thresholds";

    private AgeNote() {}

    /** {@code age 6 years}, or {@value #AGE_UNKNOWN_ADULT_THRESHOLDS}. */
    public static String of(Optional<AgeAtAssessment> age) {
        return age.map(known -> "age " + known.describe()).orElse(AGE_UNKNOWN_ADULT_THRESHOLDS);
    }

    /**
     * A threshold with the source of the age-specific value and the age: {@code systolic < 82 mmHg (PALS, age 6
     * years)}; without an age, {@code systolic < 90 mmHg (age unknown — adult thresholds)}.
     */
    public static String condition(String threshold, String source, Optional<AgeAtAssessment> age) {
        return age.isEmpty()
                ? "%s (%s)".formatted(threshold, AGE_UNKNOWN_ADULT_THRESHOLDS)
                : "%s (%s, %s)".formatted(threshold, source, of(age));
    }
}
