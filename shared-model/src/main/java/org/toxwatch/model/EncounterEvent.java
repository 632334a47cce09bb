package org.toxwatch.model;

/** What the message said happened to the patient's stay (HL7 ADT trigger events; FHIR {@code Encounter.status}). */
public enum EncounterEvent {
    /** ADT^A04, or a FHIR Patient without an encounter. */
    REGISTERED,
    /** ADT^A01, FHIR Encounter in progress. */
    ADMITTED,
    /** ADT^A02: the location is the new one. */
    TRANSFERRED,
    /** ADT^A03, FHIR Encounter finished: the patient has no bed any more. */
    DISCHARGED,
    /** ADT^A08, or the PID/PV1 of a result message: the details as they are now. */
    UPDATED
}
