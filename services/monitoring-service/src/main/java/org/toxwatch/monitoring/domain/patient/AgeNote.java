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

    /** Said by a rule without a birth date whose choice is not an adult threshold (the ICANS tool, 5.3). */
    public static final String AGE_UNKNOWN = "age unknown";

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

    /** The patient by age, for a rule that names whom it judged: {@code a 6-year-old}, {@code an 11-year-old}. */
    public static String person(AgeAtAssessment age) {
        var described = age.describe();
        var space = described.indexOf(' ');
        var number = described.substring(0, space);
        var unit = described.substring(space + 1).replaceFirst("s$", "");
        return article(number) + " " + number + "-" + unit + "-old";
    }

    /** "an" before the ages spoken with a vowel sound: 8, 11, 18 and 80-89 (ages stay below 800). */
    private static String article(String number) {
        var spokenWithVowel = number.startsWith("8") || number.equals("11") || number.equals("18");
        return spokenWithVowel ? "an" : "a";
    }
}
