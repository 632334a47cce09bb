package org.toxwatch.monitoring.domain.patient;

import java.util.Optional;

/**
 * How an age- or sex-aware rule names the age it used on its assessment, so every rule says it the same way:
 * {@code age 6 years}, {@code a 6-year-old}, {@code age unknown}.
 */
public final class AgeWording {

    /** What a rule says when no birth date is known and it used its adult (or age-independent) default. */
    public static final String UNKNOWN = "age unknown";

    private AgeWording() {}

    /** {@code age 6 years}, or {@link #UNKNOWN}. */
    public static String age(Optional<AgeAtAssessment> age) {
        return age.map(known -> "age " + known.describe()).orElse(UNKNOWN);
    }

    /** {@code a 6-year-old}, {@code an 11-year-old}, {@code a 5-month-old}, {@code an 8-day-old}. */
    public static String person(AgeAtAssessment age) {
        var described = age.describe();
        var number = described.substring(0, described.indexOf(' '));
        var unit = described.substring(described.indexOf(' ') + 1).replaceFirst("s$", "");
        return article(number) + " " + number + "-" + unit + "-old";
    }

    /** "an" before the ages spoken with a vowel sound: 8, 11, 18 and 80-89 (ages stay below 800). */
    private static String article(String number) {
        var spokenWithVowel = number.startsWith("8") || number.equals("11") || number.equals("18");
        return spokenWithVowel ? "an" : "a";
    }
}
