package org.toxwatch.monitoring.domain.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aTransfer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;

/**
 * The contract's rule for patient records: a null is "not stated here", and each detail keeps the value of the
 * newest record (by recordedAt) that stated it, whatever order the records arrive in.
 */
class DemographicsTest {

    private static final String PATIENT = "p-1";
    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate BORN = LocalDate.parse("2020-03-01");

    @Test
    void nothingIsKnownBeforeARecordStatesIt() {
        assertThat(Demographics.UNKNOWN.profile()).isEqualTo(PatientProfile.UNKNOWN);
    }

    @Test
    void aRecordStatingBirthDateAndSexMakesThemKnown() {
        var known = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        assertThat(known.profile()).isEqualTo(new PatientProfile(BORN, AdministrativeSex.FEMALE));
        assertThat(known.birthDateRecordedAt()).isEqualTo(MONDAY);
    }

    @Test
    void aRecordThatStatesNeitherChangesNothing() {
        var known = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        assertThat(known.with(aTransfer(PATIENT, MONDAY.plus(Duration.ofDays(1)))))
                .isSameAs(known);
    }

    @Test
    void aNewerRecordReplacesOnlyTheDetailsItStates() {
        var known = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));
        var corrected = LocalDate.parse("2019-03-01");

        var updated = known.with(aPatientRecord(PATIENT, MONDAY.plus(Duration.ofHours(1)), corrected, null));

        assertThat(updated.profile()).isEqualTo(new PatientProfile(corrected, AdministrativeSex.FEMALE));
        assertThat(updated.sexRecordedAt()).isEqualTo(MONDAY);
    }

    @Test
    void anOlderRecordArrivingLaterDoesNotOverwriteANewerValue() {
        var known = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        var late = known.with(aPatientRecord(
                PATIENT, MONDAY.minus(Duration.ofDays(30)), LocalDate.parse("2021-01-01"), AdministrativeSex.MALE));

        assertThat(late).isSameAs(known);
    }

    @Test
    void anOlderRecordStillFillsADetailNoNewerRecordStated() {
        var known = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, null, AdministrativeSex.FEMALE));

        var filled =
                known.with(aPatientRecord(PATIENT, MONDAY.minus(Duration.ofDays(30)), BORN, AdministrativeSex.MALE));

        assertThat(filled.profile()).isEqualTo(new PatientProfile(BORN, AdministrativeSex.FEMALE));
    }

    @Test
    void ofTwoRecordsStatedAtTheSameTimeTheOneAppliedLastWins() {
        var first = Demographics.UNKNOWN.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.FEMALE));

        var second = first.with(aPatientRecord(PATIENT, MONDAY, BORN, AdministrativeSex.MALE));

        assertThat(second.profile().sex()).isEqualTo(AdministrativeSex.MALE);
    }
}
