package org.toxwatch.alerting.patient.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.toxwatch.alerting.patient.domain.PatientFile;

/** Port: what is known about each patient, one file per patient. */
public interface PatientFiles {

    Optional<PatientFile> find(String patientId);

    /** The files of those patients that have one, by patient id: one look-up for a page of alerts. */
    Map<String, PatientFile> findAll(Collection<String> patientIds);

    /**
     * Stores the file atomically, one document, no transaction. Fails (with an exception the listener's error handler
     * retries) when the file changed since it was read, so no statement is lost between read and write.
     */
    PatientFile save(PatientFile file);

    void remove(String patientId);
}
