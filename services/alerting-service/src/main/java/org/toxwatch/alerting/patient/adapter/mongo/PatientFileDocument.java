package org.toxwatch.alerting.patient.adapter.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.alerting.patient.domain.Stamp;
import org.toxwatch.alerting.patient.domain.Stated;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;

/**
 * A patient file as stored: each detail beside the stamp of the statement it came from ({@code …Stated}). The
 * birth date is stored as its ISO text, a calendar date: as a BSON date it would be an instant, read back in the
 * reading server's time zone. {@code version} makes every write a single-document compare-and-set.
 */
@Document("patients")
record PatientFileDocument(
        @Id String id,
        @Nullable List<PatientIdentifier> identifiers,
        @Nullable Stamp identifiersStated,
        @Nullable String familyName,
        @Nullable Stamp familyNameStated,
        @Nullable String givenName,
        @Nullable Stamp givenNameStated,
        @Nullable String birthDate,
        @Nullable Stamp birthDateStated,
        @Nullable AdministrativeSex sex,
        @Nullable Stamp sexStated,
        @Nullable BigDecimal weightKg,
        @Nullable Stamp weightKgStated,
        @Nullable BigDecimal heightCm,
        @Nullable Stamp heightCmStated,
        @Nullable PatientLocation location,
        @Nullable Stamp locationStated,
        @Nullable String attending,
        @Nullable Stamp attendingStated,
        @Version @Nullable Long version) {

    static PatientFileDocument from(PatientFile file) {
        LocalDate birthDate = file.birthDate().value();
        return new PatientFileDocument(
                file.patientId(),
                file.identifiers().value(),
                file.identifiers().stamp(),
                file.familyName().value(),
                file.familyName().stamp(),
                file.givenName().value(),
                file.givenName().stamp(),
                birthDate == null ? null : birthDate.toString(),
                file.birthDate().stamp(),
                file.sex().value(),
                file.sex().stamp(),
                file.weightKg().value(),
                file.weightKg().stamp(),
                file.heightCm().value(),
                file.heightCm().stamp(),
                file.location().value(),
                file.location().stamp(),
                file.attending().value(),
                file.attending().stamp(),
                file.version());
    }

    PatientFile toDomain() {
        return new PatientFile(
                id,
                stated(identifiers == null ? null : List.copyOf(identifiers), identifiersStated)
                        .detail(),
                stated(familyName, familyNameStated).detail(),
                stated(givenName, givenNameStated).detail(),
                stated(birthDate, birthDateStated).map(LocalDate::parse),
                stated(sex, sexStated).detail(),
                stated(weightKg, weightKgStated).detail(),
                stated(heightCm, heightCmStated).detail(),
                stated(location, locationStated).detail(),
                stated(attending, attendingStated).detail(),
                version);
    }

    private static <T> StoredDetail<T> stated(@Nullable T value, @Nullable Stamp stamp) {
        return new StoredDetail<>(value, stamp);
    }

    private record StoredDetail<T>(
            @Nullable T value, @Nullable Stamp stamp) {

        <R> Stated<R> map(Function<T, R> read) {
            return stamp == null ? Stated.never() : Stated.as(value == null ? null : read.apply(value), stamp);
        }

        Stated<T> detail() {
            return map(Function.identity());
        }
    }
}
