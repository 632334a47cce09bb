package org.toxwatch.ingest.application;

/**
 * What a submission is, as far as routing goes: where its events are stored, and which dead letters and replays
 * it belongs to. Which Kafka topic each kind means is the Kafka adapter's business alone.
 */
public enum InputKind {
    /** Laboratory results and vital signs (an HL7 ORU^R01, a FHIR Observation, a JSON observation list). */
    LAB_OR_VITAL_OBSERVATIONS,
    THERAPY_EVENTS,
    NEURO_ASSESSMENTS,
    CLINICAL_FINDINGS,
    DOSE_PLANS,
    /** Demographics and location (HL7 ADT, FHIR Patient and Encounter, JSON patients). */
    PATIENTS
}
