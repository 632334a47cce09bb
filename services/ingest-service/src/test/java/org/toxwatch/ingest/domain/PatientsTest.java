package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientLocation;

class PatientsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Patients patients = new Patients(Duration.ofMinutes(5));

    static PatientSubmission patient(String birthDate, String sex) {
        return new PatientSubmission(
                "MRN-4",
                "ADMITTED",
                List.of(new PatientSubmission.Identifier("000004", "CHILDRENS", "MR")),
                "Example",
                "Mia",
                birthDate,
                sex,
                new BigDecimal("21.4"),
                new BigDecimal("116"),
                new PatientSubmission.Location("PICU", "4", "B", null),
                "Dr A. Attending",
                Instant.parse("2026-11-21T08:00:00Z"),
                "adt-42");
    }

    @Test
    void aValidPatientBecomesItsEvent() {
        var submission = patient("2020-03-14", "Female");

        assertThat(Patients.hygiene(submission)).isEmpty();
        assertThat(patients.validate(submission, NOW)).isEmpty();
        var event = Patients.toEvent(submission, "ADT@CHILDRENS", NOW, "");
        assertThat(event.birthDate()).isEqualTo(LocalDate.of(2020, 3, 14));
        assertThat(event.sex()).isEqualTo(AdministrativeSex.FEMALE);
        assertThat(event.encounterEvent()).isEqualTo(EncounterEvent.ADMITTED);
        assertThat(event.location()).isEqualTo(new PatientLocation("PICU", "4", "B", null));
        assertThat(event.recordedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(Patients.toEvent(submission, "ADT@CHILDRENS", NOW.plusSeconds(9), "")
                        .eventId())
                .as("a resend is the same event")
                .isEqualTo(event.eventId());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-22, ''",
        "2026-11-23, birthDate: is in the future",
        "1900-01-01, ''",
        "1899-12-31, birthDate: lies before 1900-01-01: not a birth date",
        "2026-02-29, birthDate: is not a valid calendar date",
        "14.03.2020, birthDate: is not a date (YYYY-MM-DD)"
    })
    void aBirthDateIsACalendarDateFrom1900UntilTomorrow(String birthDate, String violation) {
        assertThat(patients.validate(patient(birthDate, "female"), NOW))
                .map(Violation::toString)
                .isEqualTo(violation.isEmpty() ? List.of() : List.of(violation));
    }

    @Test
    void aSexOutsideAdministrativeGenderIsNamedButNotRepeated() {
        assertThat(patients.validate(patient("2020-03-14", "femme"), NOW))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("sex"))
                .satisfies(v -> assertThat(v.message()).doesNotContain("femme"));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "0.01, 0", "700, 0", "700.1, 1"})
    void weightIsAboveZeroAndAtMost700Kg(BigDecimal weight, int violations) {
        var submission = patient("2020-03-14", "female");
        var weighed = new PatientSubmission(
                submission.patientId(),
                submission.encounterEvent(),
                submission.identifiers(),
                submission.familyName(),
                submission.givenName(),
                submission.birthDate(),
                submission.sex(),
                weight,
                null,
                submission.location(),
                submission.attending(),
                submission.recordedAt(),
                submission.sourceMessageId());

        assertThat(patients.validate(weighed, NOW)).hasSize(violations);
    }

    @Test
    void aNameLongerThanAnyRealOneIsMalformedAndNamedByItsFieldOnly() {
        var submission = patient("2020-03-14", "female");
        String longName = "X".repeat(Patients.PERSON_NAME_MAX + 1);
        var named = new PatientSubmission(
                submission.patientId(),
                submission.encounterEvent(),
                submission.identifiers(),
                longName,
                "Mia\u0007",
                submission.birthDate(),
                submission.sex(),
                null,
                null,
                null,
                null,
                null,
                submission.sourceMessageId());

        assertThat(Patients.hygiene(named)).extracting(Violation::field).containsExactly("familyName", "givenName");
        assertThat(Patients.hygiene(named))
                .allSatisfy(
                        v -> assertThat(v.message()).doesNotContain(longName).doesNotContain("Mia"));
    }

    @Test
    void aDischargeClearsTheLocation() {
        var submission = patient("2020-03-14", "female");
        var discharged = new PatientSubmission(
                submission.patientId(),
                "discharged",
                submission.identifiers(),
                null,
                null,
                null,
                null,
                null,
                null,
                submission.location(),
                null,
                null,
                submission.sourceMessageId());

        assertThat(patients.validate(discharged, NOW)).isEmpty();
        var event = Patients.toEvent(discharged, "ADT", NOW, "");
        assertThat(event.encounterEvent()).isEqualTo(EncounterEvent.DISCHARGED);
        assertThat(event.location()).isNull();
        assertThat(event.recordedAt()).as("not stated: when it arrived").isEqualTo(NOW);
    }
}
