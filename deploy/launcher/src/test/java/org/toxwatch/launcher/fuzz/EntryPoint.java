package org.toxwatch.launcher.fuzz;

/** Where an input goes into ingest. */
public enum EntryPoint {
    /** POST /api/v1/observations (one or an array), /api/v1/therapy-events, /api/v1/neuro-assessments. */
    JSON,
    /** POST /fhir/Observation, /fhir/MedicationAdministration and /fhir (Bundles), application/fhir+json. */
    FHIR,
    /** ORU^R01 and RAS^O17 over a real MLLP socket. */
    HL7
}
