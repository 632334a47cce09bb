package org.toxwatch.alerting.patient.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;

/**
 * Everything the patient records said about one patient, folded detail by detail as the contract asks
 * ({@link PatientRecorded}): a record states only some details, so a missing one keeps what was known; each
 * detail keeps the value of its latest statement by {@code recordedAt}, so a record read late (or twice) never
 * overwrites what a newer one said; a discharge states "no location".
 *
 * <p>Blank text and a location without ward, room, bed or facility count as not stated: they would otherwise wipe
 * a known name or bed with nothing a clinician could use. The identifiers are one detail (the list a record
 * sends replaces the last one), and so is the location: a transfer to a ward without a bed leaves no bed.
 *
 * @param version the store's version of this file, for a concurrent update to be noticed; null before it is stored
 */
public record PatientFile(
        String patientId,
        Stated<List<PatientIdentifier>> identifiers,
        Stated<String> familyName,
        Stated<String> givenName,
        Stated<LocalDate> birthDate,
        Stated<AdministrativeSex> sex,
        Stated<BigDecimal> weightKg,
        Stated<BigDecimal> heightCm,
        Stated<PatientLocation> location,
        Stated<String> attending,
        @Nullable Long version) {

    public PatientFile {
        Objects.requireNonNull(patientId, "patientId");
    }

    /** A patient nothing has been said about yet. */
    public static PatientFile of(String patientId) {
        return new PatientFile(
                patientId,
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                Stated.never(),
                null);
    }

    /** The file after one more record of this patient, in whatever order the records arrive. */
    public PatientFile apply(PatientRecorded record) {
        if (!record.patientId().equals(patientId)) {
            throw new IllegalArgumentException("a record of another patient");
        }
        var at = new Stamp(record.recordedAt(), record.receivedAt(), record.eventId());
        return new PatientFile(
                patientId,
                merge(identifiers, record.identifiers().isEmpty() ? null : record.identifiers(), at),
                merge(familyName, text(record.familyName()), at),
                merge(givenName, text(record.givenName()), at),
                merge(birthDate, record.birthDate(), at),
                merge(sex, record.sex(), at),
                merge(weightKg, record.weightKg(), at),
                merge(heightCm, record.heightCm(), at),
                record.encounterEvent() == EncounterEvent.DISCHARGED
                        ? location.after(null, at)
                        : merge(location, place(record.location()), at),
                merge(attending, text(record.attending()), at),
                version);
    }

    /** What is known now, without the bookkeeping. */
    public PatientDetails details() {
        var identifierList = identifiers.value();
        return new PatientDetails(
                patientId,
                identifierList == null ? List.of() : identifierList,
                familyName.value(),
                givenName.value(),
                birthDate.value(),
                sex.value(),
                weightKg.value(),
                heightCm.value(),
                location.value(),
                attending.value(),
                location.stamp() != null && location.value() == null,
                Stream.of(identifiers, familyName, givenName, birthDate, sex, weightKg, heightCm, location, attending)
                        .map(Stated::stamp)
                        .filter(Objects::nonNull)
                        .map(Stamp::recordedAt)
                        .max(java.util.Comparator.naturalOrder())
                        .orElse(null));
    }

    /** The same details, whatever the store's version: whether a record changed anything worth storing. */
    public boolean sameDetailsAs(PatientFile other) {
        return withVersion(null).equals(other.withVersion(null));
    }

    public PatientFile withVersion(@Nullable Long newVersion) {
        return new PatientFile(
                patientId,
                identifiers,
                familyName,
                givenName,
                birthDate,
                sex,
                weightKg,
                heightCm,
                location,
                attending,
                newVersion);
    }

    private static <T> Stated<T> merge(Stated<T> known, @Nullable T stated, Stamp at) {
        return stated == null ? known : known.after(stated, at);
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable PatientLocation place(@Nullable PatientLocation location) {
        if (location == null) {
            return null;
        }
        var place = new PatientLocation(
                text(location.ward()), text(location.room()), text(location.bed()), text(location.facility()));
        return place.ward() == null && place.room() == null && place.bed() == null && place.facility() == null
                ? null
                : place;
    }
}
