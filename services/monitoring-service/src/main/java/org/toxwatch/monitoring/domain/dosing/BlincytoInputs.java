package org.toxwatch.monitoring.domain.dosing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.PatientProfile;

/**
 * What the BLINCYTO action rules (CRITERIA.md 9.1) look at for a patient with an active blinatumomab episode.
 * Everything except {@code crs} is limited to the episode: collected or assessed at or after its T0.
 *
 * @param now the clinical time of the newest event of the patient
 * @param crs the current CRS assessment, absent outside the CRS window (4.5)
 * @param highestCrsGrade the highest CRS grade published since the episode's T0: grade 4 discontinues permanently,
 *     so it must not be forgotten when the grade falls again
 * @param neuroAssessments the neurological assessments of the episode, in assessment-time order
 * @param alt the newest ALT of the episode, likewise {@code ast} and {@code bilirubin} (total bilirubin)
 * @param ancs the readable ANCs of the episode, in collection-time order
 * @param patient the patient's birth date and sex: each neurological assessment is graded for ICANS with the age
 *     on its day (CRITERIA.md 5.3), as the ICANS criterion itself grades it
 */
public record BlincytoInputs(
        Instant now,
        ZoneId hospitalZone,
        BlincytoGradingSystem gradingSystem,
        @Nullable Assessment crs,
        @Nullable Integer highestCrsGrade,
        List<NeurologicAssessmentRecorded> neuroAssessments,
        @Nullable LabResult alt,
        @Nullable LabResult ast,
        @Nullable LabResult bilirubin,
        List<Observation> ancs,
        PatientProfile patient) {

    public BlincytoInputs {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(hospitalZone, "hospitalZone");
        Objects.requireNonNull(gradingSystem, "gradingSystem");
        Objects.requireNonNull(patient, "patient");
        neuroAssessments = List.copyOf(neuroAssessments);
        ancs = List.copyOf(ancs);
    }

    /** The inputs of a patient whose birth date and sex are unknown: ICANS is graded with adult thresholds. */
    public BlincytoInputs(
            Instant now,
            ZoneId hospitalZone,
            BlincytoGradingSystem gradingSystem,
            @Nullable Assessment crs,
            @Nullable Integer highestCrsGrade,
            List<NeurologicAssessmentRecorded> neuroAssessments,
            @Nullable LabResult alt,
            @Nullable LabResult ast,
            @Nullable LabResult bilirubin,
            List<Observation> ancs) {
        this(
                now,
                hospitalZone,
                gradingSystem,
                crs,
                highestCrsGrade,
                neuroAssessments,
                alt,
                ast,
                bilirubin,
                ancs,
                PatientProfile.UNKNOWN);
    }

    /** The patient's age on the day of {@code at} in the hospital's time zone; empty without a birth date. */
    Optional<AgeAtAssessment> ageAt(Instant at) {
        return patient.ageAt(at, hospitalZone);
    }

    /** Whether any rule has something to look at. */
    public boolean isEmpty() {
        return crs == null
                && highestCrsGrade == null
                && neuroAssessments.isEmpty()
                && alt == null
                && ast == null
                && bilirubin == null
                && ancs.isEmpty();
    }
}
