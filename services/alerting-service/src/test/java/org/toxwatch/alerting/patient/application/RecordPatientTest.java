package org.toxwatch.alerting.patient.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;
import static org.toxwatch.alerting.patient.domain.PatientRecords.anAdmittedChild;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientLocation;

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
}
