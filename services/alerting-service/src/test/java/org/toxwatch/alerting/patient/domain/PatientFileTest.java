package org.toxwatch.alerting.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;
import static org.toxwatch.alerting.patient.domain.PatientRecords.anAdmittedChild;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;

/** The contract's merge of patient records: null is "not stated", the latest statement of each detail wins. */
class PatientFileTest {

    private static final String PATIENT = "MRN-000004";

    private static PatientDetails fold(PatientRecorded... records) {
        var file = PatientFile.of(PATIENT);
        for (PatientRecorded record : records) {
            file = file.apply(record);
        }
        return file.details();
    }

    @Test
    void aPatientNothingWasSaidAboutHasNoDetails() {
        var details = PatientFile.of(PATIENT).details();

        assertThat(details.familyName()).isNull();
        assertThat(details.birthDate()).isNull();
        assertThat(details.location()).isNull();
        assertThat(details.identifiers()).isEmpty();
        assertThat(details.discharged()).isFalse();
        assertThat(details.updatedAt()).isNull();
    }

    @Test
    void anAdmissionStatesEveryDetailItCarries() {
        var details = fold(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        assertThat(details.familyName()).isEqualTo("Example");
        assertThat(details.givenName()).isEqualTo("Mia");
        assertThat(details.birthDate()).isEqualTo(LocalDate.parse("2020-03-14"));
        assertThat(details.sex()).isEqualTo(AdministrativeSex.FEMALE);
        assertThat(details.location()).isEqualTo(new PatientLocation("PICU", "4", "B", null));
        assertThat(details.attending()).isEqualTo("Dr A. Attending");
        assertThat(details.identifiers())
                .singleElement()
                .satisfies(id -> assertThat(id.value()).isEqualTo("000004"));
        assertThat(details.updatedAt()).isEqualTo(Instant.parse("2026-11-16T06:55:00Z"));
    }

    @Nested
    class PartialRecords {

        @Test
        void aRecordStatingOnlyTheLocationKeepsTheNameBirthDateAndAttending() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-16T09:00:00Z")
                            .event(EncounterEvent.TRANSFERRED)
                            .in("ONC-PED", "12", "A")
                            .build());

            assertThat(details.location()).isEqualTo(new PatientLocation("ONC-PED", "12", "A", null));
            assertThat(details.familyName()).isEqualTo("Example");
            assertThat(details.birthDate()).isEqualTo(LocalDate.parse("2020-03-14"));
            assertThat(details.attending()).isEqualTo("Dr A. Attending");
        }

        @Test
        void aTransferToAWardWithoutABedLeavesNoBedFromBefore() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-16T09:00:00Z")
                            .event(EncounterEvent.TRANSFERRED)
                            .in("RADIOLOGY", null, null)
                            .build());

            assertThat(details.location()).isEqualTo(new PatientLocation("RADIOLOGY", null, null, null));
        }

        @Test
        void blankTextAndAnEmptyLocationAreNotStatements() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-16T09:00:00Z")
                            .named("  ", "")
                            .in(" ", null, "")
                            .build());

            assertThat(details.familyName()).isEqualTo("Example");
            assertThat(details.givenName()).isEqualTo("Mia");
            assertThat(details.location()).isEqualTo(new PatientLocation("PICU", "4", "B", null));
        }

        @Test
        void aCorrectedNameReplacesTheOldOne() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-16T07:10:00Z")
                            .named("Exemple", "Mia")
                            .build());

            assertThat(details.familyName()).isEqualTo("Exemple");
        }
    }

    @Nested
    class Discharge {

        @Test
        void aDischargeClearsTheLocationAndKeepsEverythingElse() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-20T15:00:00Z")
                            .event(EncounterEvent.DISCHARGED)
                            .in("PICU", "4", "B")
                            .build());

            assertThat(details.location()).isNull();
            assertThat(details.discharged()).isTrue();
            assertThat(details.familyName()).isEqualTo("Example");
            assertThat(details.attending()).isEqualTo("Dr A. Attending");
        }

        @Test
        void aReadmissionAfterTheDischargeGivesANewLocation() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build(),
                    aRecord(PATIENT, "2026-11-20T15:00:00Z")
                            .event(EncounterEvent.DISCHARGED)
                            .build(),
                    aRecord(PATIENT, "2026-11-25T08:00:00Z")
                            .event(EncounterEvent.ADMITTED)
                            .in("ONC-PED", "3", "C")
                            .build());

            assertThat(details.location()).isEqualTo(new PatientLocation("ONC-PED", "3", "C", null));
            assertThat(details.discharged()).isFalse();
        }

        @Test
        void aDischargeReadAfterANewerAdmissionDoesNotClearIt() {
            var details = fold(
                    anAdmittedChild(PATIENT, "2026-11-25T08:00:00Z").build(),
                    aRecord(PATIENT, "2026-11-20T15:00:00Z")
                            .event(EncounterEvent.DISCHARGED)
                            .build());

            assertThat(details.location()).isEqualTo(new PatientLocation("PICU", "4", "B", null));
            assertThat(details.discharged()).isFalse();
        }
    }

    @Nested
    class OutOfOrder {

        private final PatientRecorded admitted =
                anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build();
        private final PatientRecorded transferred = aRecord(PATIENT, "2026-11-16T09:00:00Z")
                .event(EncounterEvent.TRANSFERRED)
                .in("ONC-PED", "12", "A")
                .attending("Dr B. Second")
                .build();
        private final PatientRecorded corrected = aRecord(PATIENT, "2026-11-16T10:00:00Z")
                .named("Exemple", null)
                .born("2020-03-15")
                .build();

        @Test
        void anOlderRecordReadLateNeverOverwritesNewerDetails() {
            var details = fold(transferred, corrected, admitted);

            assertThat(details.location()).isEqualTo(new PatientLocation("ONC-PED", "12", "A", null));
            assertThat(details.attending()).isEqualTo("Dr B. Second");
            assertThat(details.familyName()).isEqualTo("Exemple");
            assertThat(details.birthDate()).isEqualTo(LocalDate.parse("2020-03-15"));
            assertThat(details.givenName())
                    .as("stated only by the older record, so it fills the gap")
                    .isEqualTo("Mia");
            assertThat(details.sex()).isEqualTo(AdministrativeSex.FEMALE);
        }

        @Test
        void everyArrivalOrderEndsInTheSameFile() {
            var expected = fold(admitted, transferred, corrected);

            for (List<PatientRecorded> order : List.of(
                    List.of(admitted, corrected, transferred),
                    List.of(transferred, admitted, corrected),
                    List.of(transferred, corrected, admitted),
                    List.of(corrected, admitted, transferred),
                    List.of(corrected, transferred, admitted))) {
                assertThat(fold(order.toArray(PatientRecorded[]::new)))
                        .as(order.toString())
                        .isEqualTo(expected);
            }
        }

        @Test
        void twoRecordsOfTheSameMomentAreOrderedTheSameWayWhicheverIsReadFirst() {
            var first =
                    aRecord(PATIENT, "2026-11-16T09:00:00Z").in("A", "1", "1").build();
            var second =
                    aRecord(PATIENT, "2026-11-16T09:00:00Z").in("B", "2", "2").build();

            assertThat(fold(first, second)).isEqualTo(fold(second, first));
        }
    }

    @Nested
    class Redelivery {

        @Test
        void aRecordReadTwiceChangesNothingTheSecondTime() {
            var admitted = anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build();
            var once = PatientFile.of(PATIENT).apply(admitted);

            assertThat(once.apply(admitted)).isEqualTo(once);
        }

        @Test
        void anOlderRecordReadAgainAfterANewerOneChangesNothing() {
            var admitted = anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build();
            var transferred = aRecord(PATIENT, "2026-11-16T09:00:00Z")
                    .event(EncounterEvent.TRANSFERRED)
                    .in("ONC-PED", "12", "A")
                    .build();
            var file = PatientFile.of(PATIENT).apply(admitted).apply(transferred);

            assertThat(file.apply(admitted).sameDetailsAs(file)).isTrue();
            assertThat(file.apply(transferred).sameDetailsAs(file)).isTrue();
        }
    }

    @Test
    void aRecordOfAnotherPatientIsRefused() {
        var file = PatientFile.of(PATIENT);
        var other = aRecord("MRN-OTHER", "2026-11-16T06:55:00Z").build();

        assertThatThrownBy(() -> file.apply(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("MRN");
    }

    @Test
    void theVersionIsNotADetail() {
        var file = PatientFile.of(PATIENT)
                .apply(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        assertThat(file.withVersion(7L).sameDetailsAs(file)).isTrue();
        assertThat(file.withVersion(7L).version()).isEqualTo(7L);
    }
}
