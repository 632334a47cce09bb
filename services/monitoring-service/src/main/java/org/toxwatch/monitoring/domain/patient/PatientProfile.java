package org.toxwatch.monitoring.domain.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;

/**
 * What grading knows about the patient as a person: the birth date (for the age at each assessment) and the
 * administrative sex (for sex-specific default reference ranges). Either may be unknown; a rule then uses its
 * adult or sex-unknown default and says so.
 */
public record PatientProfile(
        @Nullable LocalDate birthDate, @Nullable AdministrativeSex sex) {

    public static final PatientProfile UNKNOWN = new PatientProfile(null, null);

    /**
     * The age on the calendar day of {@code assessedAt} in the hospital's time zone, or empty without a birth date
     * (or with one after that day, which no rule can use).
     */
    public Optional<AgeAtAssessment> ageAt(Instant assessedAt, ZoneId hospitalZone) {
        if (birthDate == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(assessedAt, hospitalZone);
        return day.isBefore(birthDate) ? Optional.empty() : Optional.of(AgeAtAssessment.between(birthDate, day));
    }
}
