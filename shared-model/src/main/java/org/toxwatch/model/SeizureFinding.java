package org.toxwatch.model;

/** Seizures, the ICANS domain of ASTCT 2019 (CRITERIA.md 5.2). */
public enum SeizureFinding {
    NONE,
    /**
     * Any clinical seizure, focal or generalized, that resolves rapidly, or non-convulsive seizures on EEG that
     * resolve with intervention.
     */
    RAPIDLY_RESOLVING,
    /**
     * A life-threatening prolonged seizure (more than 5 min), or repetitive clinical or electrical seizures
     * without return to baseline between them.
     */
    PROLONGED_OR_REPETITIVE
}
