package org.toxwatch.model;

/** Depressed level of consciousness, the ICANS domain of ASTCT 2019 (CRITERIA.md 5.2). */
public enum LevelOfConsciousness {
    /** Not depressed. */
    ALERT,
    /** Depressed, but the patient awakens spontaneously. */
    DEPRESSED_AWAKENS_SPONTANEOUSLY,
    AWAKENS_TO_VOICE,
    /** Awakens only to tactile stimulus. */
    AWAKENS_TO_TACTILE,
    /** Unarousable, or needs vigorous or repetitive tactile stimuli; stupor or coma. */
    UNAROUSABLE
}
