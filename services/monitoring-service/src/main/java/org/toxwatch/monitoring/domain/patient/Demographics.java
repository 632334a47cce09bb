package org.toxwatch.monitoring.domain.patient;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.PatientRecorded;

/**
 * The birth date and sex the feeds have stated for a patient, each with the {@code recordedAt} of the record that
 * stated it. Records reach monitoring out of order (a compacted topic, several senders), so each detail keeps the
 * value of the newest record that stated it: a record that leaves a detail out (null) or is older than the one
 * held does not change it.
 */
public record Demographics(
        @Nullable LocalDate birthDate,
        @Nullable Instant birthDateRecordedAt,
        @Nullable AdministrativeSex sex,
        @Nullable Instant sexRecordedAt) {

    public static final Demographics UNKNOWN = new Demographics(null, null, null, null);

    /** These demographics with the details {@code record} states and is not older for. */
    public Demographics with(PatientRecorded record) {
        var at = record.recordedAt();
        boolean newBirthDate = record.birthDate() != null && notOlder(at, birthDateRecordedAt);
        boolean newSex = record.sex() != null && notOlder(at, sexRecordedAt);
        if (!newBirthDate && !newSex) {
            return this;
        }
        return new Demographics(
                newBirthDate ? record.birthDate() : birthDate,
                newBirthDate ? at : birthDateRecordedAt,
                newSex ? record.sex() : sex,
                newSex ? at : sexRecordedAt);
    }

    /** What grading reads: the details without when they were stated. */
    public PatientProfile profile() {
        return birthDate == null && sex == null ? PatientProfile.UNKNOWN : new PatientProfile(birthDate, sex);
    }

    private static boolean notOlder(Instant candidate, @Nullable Instant held) {
        return held == null || !candidate.isBefore(held);
    }
}
