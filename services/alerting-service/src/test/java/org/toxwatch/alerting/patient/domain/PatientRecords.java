package org.toxwatch.alerting.patient.domain;

import java.math.BigDecimal;
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

/**
 * Patient records as ingest publishes them, stating only what a test names: {@code aRecord(patient, at)} states
 * nothing but who and when; {@code .named(...)}, {@code .in(...)} and the rest add one detail each.
 */
public record PatientRecords(
        UUID eventId,
        String patientId,
        Instant recordedAt,
        @Nullable EncounterEvent encounterEvent,
        List<PatientIdentifier> identifiers,
        @Nullable String familyName,
        @Nullable String givenName,
        @Nullable LocalDate birthDate,
        @Nullable AdministrativeSex sex,
        @Nullable BigDecimal weightKg,
        @Nullable PatientLocation location,
        @Nullable String attending) {

    public static PatientRecords aRecord(String patientId, String recordedAt) {
        return new PatientRecords(
                UUID.randomUUID(),
                patientId,
                Instant.parse(recordedAt),
                EncounterEvent.UPDATED,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A child admitted to PICU bed 4B with every detail stated, as in the contract's sample. */
    public static PatientRecords anAdmittedChild(String patientId, String recordedAt) {
        return aRecord(patientId, recordedAt)
                .event(EncounterEvent.ADMITTED)
                .identifiedAs("000004", "CHILDRENS-HOSP")
                .named("Example", "Mia")
                .born("2020-03-14")
                .sex(AdministrativeSex.FEMALE)
                .weighing("21.4")
                .in("PICU", "4", "B")
                .attending("Dr A. Attending");
    }

    public PatientRecords event(EncounterEvent event) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                event,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                location,
                attending);
    }

    public PatientRecords identifiedAs(String mrn, String authority) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                List.of(new PatientIdentifier(mrn, authority, "MR")),
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                location,
                attending);
    }

    public PatientRecords named(@Nullable String family, @Nullable String given) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                family,
                given,
                birthDate,
                sex,
                weightKg,
                location,
                attending);
    }

    public PatientRecords born(String date) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                LocalDate.parse(date),
                sex,
                weightKg,
                location,
                attending);
    }

    public PatientRecords sex(AdministrativeSex value) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                value,
                weightKg,
                location,
                attending);
    }

    public PatientRecords weighing(String kg) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                new BigDecimal(kg),
                location,
                attending);
    }

    public PatientRecords in(@Nullable String ward, @Nullable String room, @Nullable String bed) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                new PatientLocation(ward, room, bed, null),
                attending);
    }

    public PatientRecords attending(String name) {
        return new PatientRecords(
                eventId,
                patientId,
                recordedAt,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                location,
                name);
    }

    public PatientRecorded build() {
        return new PatientRecorded(
                eventId,
                patientId,
                recordedAt,
                recordedAt.plusSeconds(1),
                "ADT-HIS",
                "ADT-" + eventId,
                encounterEvent,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                null,
                location,
                attending);
    }
}
