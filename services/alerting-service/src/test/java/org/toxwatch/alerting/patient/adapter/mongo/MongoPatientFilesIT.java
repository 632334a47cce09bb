package org.toxwatch.alerting.patient.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;
import static org.toxwatch.alerting.patient.domain.PatientRecords.anAdmittedChild;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** Patient files against a real MongoDB-wire server: exact round trip, one document, compare-and-set writes. */
@DataMongoTest
class MongoPatientFilesIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "patients-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    @Test
    void aFileRoundTripsEveryDetailWithTheStampOfItsStatement() {
        var files = new MongoPatientFiles(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var file = PatientFile.of(patient)
                .apply(anAdmittedChild(patient, "2026-11-16T06:55:00Z").build());

        var stored = files.save(file);

        assertThat(stored.version()).isNotNull();
        var read = files.find(patient).orElseThrow();
        assertThat(read.sameDetailsAs(file)).isTrue();
        assertThat(read.details()).isEqualTo(file.details());
    }

    @Test
    void aDischargeIsKeptAsAStatedAbsenceOfLocation() {
        var files = new MongoPatientFiles(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var discharged = PatientFile.of(patient)
                .apply(anAdmittedChild(patient, "2026-11-16T06:55:00Z").build())
                .apply(aRecord(patient, "2026-11-20T15:00:00Z")
                        .event(EncounterEvent.DISCHARGED)
                        .build());
        files.save(discharged);

        var read = files.find(patient).orElseThrow();

        assertThat(read.details().discharged()).isTrue();
        assertThat(read.details().location()).isNull();
        var olderTransfer = aRecord(patient, "2026-11-18T10:00:00Z")
                .event(EncounterEvent.TRANSFERRED)
                .in("ONC-PED", "12", "A")
                .build();
        assertThat(read.apply(olderTransfer).sameDetailsAs(read))
                .as("the discharge's stamp survived the round trip")
                .isTrue();
    }

    @Test
    void aWriteBasedOnAnOutdatedReadIsRefused() {
        var files = new MongoPatientFiles(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        var first = files.save(PatientFile.of(patient)
                .apply(anAdmittedChild(patient, "2026-11-16T06:55:00Z").build()));
        files.save(first.apply(aRecord(patient, "2026-11-16T09:00:00Z")
                .in("ONC-PED", "12", "A")
                .build()));

        var stale = first.apply(
                aRecord(patient, "2026-11-16T10:00:00Z").attending("Dr B").build());

        assertThatThrownBy(() -> files.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void onePageOfPatientsIsReadAtOnceAndUnknownOnesAreLeftOut() {
        var files = new MongoPatientFiles(mongoTemplate);
        String known = "MRN-" + UUID.randomUUID();
        files.save(PatientFile.of(known)
                .apply(anAdmittedChild(known, "2026-11-16T06:55:00Z").build()));

        var found = files.findAll(List.of(known, "MRN-never-recorded-" + UUID.randomUUID()));

        assertThat(found).containsOnlyKeys(known);
    }
}
