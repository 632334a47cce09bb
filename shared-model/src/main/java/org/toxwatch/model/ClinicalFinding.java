package org.toxwatch.model;

/**
 * A bedside finding or diagnosis a clinician records that the rules name (VOD/SOS criteria and the BESPONSA
 * dose rules).
 */
public enum ClinicalFinding {
    /** VOD/SOS diagnosed by a clinician: BESPONSA is discontinued permanently. */
    VOD_SOS_DIAGNOSED,
    /** Severe liver toxicity other than VOD/SOS diagnosed: also discontinues BESPONSA. */
    SEVERE_LIVER_TOXICITY_DIAGNOSED,
    HEPATOMEGALY,
    /** Painful hepatomegaly or right-upper-quadrant pain. */
    PAINFUL_HEPATOMEGALY,
    ASCITES,
    /** Hemodynamic and/or ultrasound evidence of VOD/SOS. */
    VOD_HEMODYNAMIC_OR_ULTRASOUND_EVIDENCE
}
