package org.toxwatch.alerting.patient.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;
import static org.toxwatch.alerting.patient.domain.PatientRecords.anAdmittedChild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.patient.application.RecordPatient.PatientUpdate;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;

/** Patient records into patient files: stored and announced when they change something, else left alone. */
class RecordPatientTest {

    private static final String PATIENT = "MRN-000004";

    private final InMemoryPatientFiles files = new InMemoryPatientFiles();
    private final List<String> announced = new ArrayList<>();
    private final RecordPatient recordPatient = new RecordPatient(files, announced::add);

    @Test
    void aNewPatientGetsAFileAndScreensAreToldItsId() {
        boolean changed = recordPatient.on(
                anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        assertThat(changed).isTrue();
        assertThat(files.find(PATIENT).map(PatientFile::details).orElseThrow().familyName())
                .isEqualTo("Example");
        assertThat(announced).containsExactly(PATIENT);
    }

    @Test
    void aTransferMovesThePatientsBed() {
        recordPatient.on(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        recordPatient.on(aRecord(PATIENT, "2026-11-16T09:00:00Z")
                .event(EncounterEvent.TRANSFERRED)
                .in("ONC-PED", "12", "A")
                .build());

        assertThat(files.find(PATIENT).orElseThrow().details().location())
                .isEqualTo(new PatientLocation("ONC-PED", "12", "A", null));
        assertThat(announced).containsExactly(PATIENT, PATIENT);
    }

    @Test
    void aRedeliveredRecordIsNeitherStoredNorAnnouncedAgain() {
        var admitted = anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build();
        recordPatient.on(admitted);

        boolean changed = recordPatient.on(admitted);

        assertThat(changed).isFalse();
        assertThat(files.saves()).isEqualTo(1);
        assertThat(announced).hasSize(1);
    }

    @Test
    void aForgottenPatientHasNoFile() {
        recordPatient.on(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        recordPatient.forget(PATIENT);

        assertThat(files.find(PATIENT)).isEmpty();
    }

    @Test
    void aBatchReadsTheFilesItNamesOnceAndAppliesItsRecordsInOrder() {
        var otherAdmitted =
                anAdmittedChild("MRN-000005", "2026-11-16T06:00:00Z").build();
        recordPatient.on(otherAdmitted);
        int readsBefore = files.reads();

        recordPatient.onAll(List.of(
                recorded(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build()),
                recorded(otherAdmitted),
                recorded(aRecord(PATIENT, "2026-11-16T09:00:00Z")
                        .event(EncounterEvent.TRANSFERRED)
                        .in("ONC-PED", "12", "A")
                        .build())));

        assertThat(files.reads() - readsBefore).isEqualTo(1);
        assertThat(files.find(PATIENT).orElseThrow().details().location())
                .isEqualTo(new PatientLocation("ONC-PED", "12", "A", null));
        assertThat(announced).containsExactly("MRN-000005", PATIENT, PATIENT);
    }

    @Test
    void aPatientForgottenInABatchGetsANewFileFromALaterRecordOfIt() {
        recordPatient.on(anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build());

        recordPatient.onAll(List.of(
                new PatientUpdate.Forgotten(PATIENT),
                recorded(aRecord(PATIENT, "2026-11-17T08:00:00Z")
                        .event(EncounterEvent.TRANSFERRED)
                        .in("ONC-PED", "3", "B")
                        .build())));

        PatientFile file = files.find(PATIENT).orElseThrow();
        assertThat(file.details().familyName()).isNull();
        assertThat(file.details().location()).isEqualTo(new PatientLocation("ONC-PED", "3", "B", null));
    }

    @Test
    void aRecordThatCannotBeStoredStopsTheBatchAfterThoseBeforeItTookEffect() {
        var failing = new SavesFailingFor("MRN-000006", files);
        var batchReader = new RecordPatient(failing, announced::add);

        assertThatThrownBy(() -> batchReader.onAll(List.of(
                        recorded(
                                anAdmittedChild(PATIENT, "2026-11-16T06:55:00Z").build()),
                        recorded(anAdmittedChild("MRN-000006", "2026-11-16T07:00:00Z")
                                .build()),
                        recorded(anAdmittedChild("MRN-000007", "2026-11-16T07:05:00Z")
                                .build()))))
                .isInstanceOfSatisfying(
                        RecordPatient.Failed.class,
                        failed -> assertThat(failed.index()).isEqualTo(1));

        assertThat(files.find(PATIENT)).isPresent();
        assertThat(files.find("MRN-000006")).isEmpty();
        assertThat(files.find("MRN-000007")).isEmpty();
        assertThat(announced).containsExactly(PATIENT);
    }

    private static PatientUpdate recorded(PatientRecorded record) {
        return new PatientUpdate.Recorded(record);
    }

    /** The files, except that saving one patient's fails as a store that refuses the write would. */
    private record SavesFailingFor(String patientId, PatientFiles files) implements PatientFiles {

        @Override
        public Optional<PatientFile> find(String id) {
            return files.find(id);
        }

        @Override
        public Map<String, PatientFile> findAll(Collection<String> ids) {
            return files.findAll(ids);
        }

        @Override
        public PatientFile save(PatientFile file) {
            if (file.patientId().equals(patientId)) {
                throw new IllegalStateException("the store refused the write");
            }
            return files.save(file);
        }

        @Override
        public void remove(String id) {
            files.remove(id);
        }
    }
}
