package org.toxwatch.model;

/** Status of a reported result (HL7 v2 OBX-11, FHIR Observation.status). */
public enum ResultStatus {
    PRELIMINARY,
    FINAL,
    /** Replaces an earlier result with the same source observation id. */
    CORRECTED,
    /** Withdraws an earlier result with the same source observation id; carries no value. */
    CANCELLED
}
