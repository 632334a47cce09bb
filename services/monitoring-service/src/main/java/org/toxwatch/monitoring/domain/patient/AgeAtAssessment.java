package org.toxwatch.monitoring.domain.patient;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A patient's age on the day of an assessment, as the age-dependent rules read it.
 *
 * @param period completed years, months and days since birth
 * @param days completed days since birth (neonates are counted in days)
 */
public record AgeAtAssessment(Period period, long days) {

    /** Patients younger than this are children for the rules that distinguish them (EBMT 2018 VOD/SOS, 4.4). */
    public static final int ADULT_FROM_YEARS = 18;

    static AgeAtAssessment between(LocalDate birthDate, LocalDate day) {
        return new AgeAtAssessment(Period.between(birthDate, day), ChronoUnit.DAYS.between(birthDate, day));
    }

    /** An age given directly (the calculator accepts an age in years when no birth date is at hand). */
    public static AgeAtAssessment ofYears(int years) {
        return new AgeAtAssessment(Period.ofYears(years), years * 365L);
    }

    public int completedYears() {
        return period.getYears();
    }

    public long completedMonths() {
        return period.toTotalMonths();
    }

    public boolean child() {
        return completedYears() < ADULT_FROM_YEARS;
    }

    /** How the assessment names the age: "17 days", "5 months", "6 years". */
    public String describe() {
        if (completedMonths() < 1) {
            return days + (days == 1 ? " day" : " days");
        }
        if (completedYears() < 1) {
            return completedMonths() + (completedMonths() == 1 ? " month" : " months");
        }
        return completedYears() + (completedYears() == 1 ? " year" : " years");
    }
}
