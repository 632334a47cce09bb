package org.toxwatch.alerting.patient.application;

/** Port: told when what is known about a patient changed, so screens showing the patient can refresh. */
public interface PatientChanges {

    /** Only the id goes out: whoever shows the patient reads the details through an authorized API. */
    void changed(String patientId);
}
