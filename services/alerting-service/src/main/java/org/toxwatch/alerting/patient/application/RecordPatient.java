package org.toxwatch.alerting.patient.application;

import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.PatientRecorded;

/**
 * Use case: fold a patient record into the patient's file and store it when it changed anything. A record read
 * again, or after a newer one, changes nothing ({@link PatientFile#apply}), so at-least-once delivery is harmless.
 */
public final class RecordPatient {

    private final PatientFiles files;
    private final PatientChanges changes;

    public RecordPatient(PatientFiles files, PatientChanges changes) {
        this.files = files;
        this.changes = changes;
    }

    /** Returns whether the file changed. */
    public boolean on(PatientRecorded record) {
        var known = files.find(record.patientId()).orElseGet(() -> PatientFile.of(record.patientId()));
        var updated = known.apply(record);
        if (updated.sameDetailsAs(known)) {
            return false;
        }
        files.save(updated);
        changes.changed(record.patientId());
        return true;
    }

    /** The sender asked for the patient to be forgotten (a tombstone on the compacted topic). */
    public void forget(String patientId) {
        files.remove(patientId);
        changes.changed(patientId);
    }
}
