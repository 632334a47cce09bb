package org.toxwatch.model;

/** Groups criteria into the toxicities a clinician thinks in; alerting keeps one episode per family. */
public enum ToxicityFamily {
    CYTOPENIA,
    FEBRILE_NEUTROPENIA,
    HEPATOTOXICITY,
    CYTOKINE_RELEASE_SYNDROME,
    NEUROTOXICITY,
    HEMATOTOXICITY_CAR_T,
    METABOLIC,
    RENAL,
    COAGULATION,
    DOSE_MODIFICATION,
    MONITORING_GAP
}
