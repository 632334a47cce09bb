/**
 * Patients: what alerting knows of each patient (the patient file kept from ingest's patient records) and every
 * observation received for them (the observation log behind the timeline). Used by notification and the console;
 * it tells whoever shows a patient of a change through its {@code PatientChanges} port.
 */
package org.toxwatch.alerting.patient;
