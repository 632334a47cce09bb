package org.toxwatch.ingest.adapter.hl7;

/**
 * What of PID-3 names a patient (setting {@code toxwatch.ingest.hl7.patient-identity}).
 *
 * <ul>
 *   <li>{@link #ID} (default): the identifier alone, {@code 0012345}. For a hospital whose HL7, FHIR and JSON
 *       senders all use one medical record number.
 *   <li>{@link #ID_AND_AUTHORITY}: the identifier and its assigning authority (PID-3.4), {@code 0012345@ST-ELSEWHERE},
 *       for feeds from several facilities whose numbers may collide. A PID-3 without an authority is then refused:
 *       stored under the bare number, the result could join another facility's patient.
 * </ul>
 */
public enum Hl7PatientIdentity {
    ID,
    ID_AND_AUTHORITY
}
