package org.toxwatch.monitoring.domain.patient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;

/** Patient records as an ADT feed sends them: a null detail is one the message does not state. */
public final class PatientRecords {

    private PatientRecords() {}

    /** A registration stating the birth date and sex, and a name and bed grading never reads. */
    public static PatientRecorded aPatientRecord(
            String patientId, Instant recordedAt, @Nullable LocalDate birthDate, @Nullable AdministrativeSex sex) {
        return new PatientRecorded(
                UUID.randomUUID(),
                patientId,
                recordedAt,
                recordedAt.plus(Duration.ofMinutes(1)),
                "adt",
                "adt-" + UUID.randomUUID(),
                EncounterEvent.ADMITTED,
                List.of(new PatientIdentifier(patientId, "HOSPITAL", "MR")),
                "Doe",
                "Sam",
                birthDate,
                sex,
                null,
                null,
                new PatientLocation("PICU", "3", "B", null),
                null);
    }

    /** A transfer that states only the new bed. */
    public static PatientRecorded aTransfer(String patientId, Instant recordedAt) {
        return new PatientRecorded(
                UUID.randomUUID(),
                patientId,
                recordedAt,
                recordedAt.plus(Duration.ofMinutes(1)),
                "adt",
                "adt-" + UUID.randomUUID(),
                EncounterEvent.TRANSFERRED,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                new PatientLocation("ONC", "12", "A", null),
                null);
    }
}
