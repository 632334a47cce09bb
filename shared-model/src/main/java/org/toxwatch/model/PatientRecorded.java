package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a sender said about a patient: identifiers, name, birth date, sex, body size, location and attending. Topic
 * {@link Topics#PATIENTS} (compacted), key {@code patientId}. Published from HL7 PID/PV1 (every result message and
 * ADT^A01/A02/A03/A04/A08), FHIR {@code Patient}/{@code Encounter} and JSON {@code POST /api/v1/patients}.
 *
 * <p>A message states only some details, so a null means "not stated here", never "removed": a consumer keeps
 * the latest stated value of each detail, in {@code recordedAt} order. The location is the exception: a
 * {@link EncounterEvent#DISCHARGED} record clears it. Names and the birth date are protected health information:
 * they are for clinicians' screens and never for log lines, metric tags or dead-letter reasons.
 *
 * @param recordedAt when the sender stated these details (HL7 EVN-2 or MSH-7, FHIR {@code meta.lastUpdated}): the
 *     event time, which orders records of one patient
 * @param identifiers the patient's identifiers, medical record number first
 * @param birthDate the date of birth; age-dependent grading uses it at each assessment's time
 * @param weightKg body weight in kg, when the message carries one
 * @param heightCm body height in cm, when the message carries one
 * @param attending the attending clinician or care team as a display name
 */
public record PatientRecorded(
        UUID eventId,
        String patientId,
        Instant recordedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        @Nullable EncounterEvent encounterEvent,
        List<PatientIdentifier> identifiers,
        @Nullable String familyName,
        @Nullable String givenName,
        @Nullable LocalDate birthDate,
        @Nullable AdministrativeSex sex,
        @Nullable BigDecimal weightKg,
        @Nullable BigDecimal heightCm,
        @Nullable PatientLocation location,
        @Nullable String attending)
        implements ClinicalRecord {

    public PatientRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
