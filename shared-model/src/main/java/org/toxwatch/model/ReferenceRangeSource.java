package org.toxwatch.model;

/** Where the limits used for grading came from (CRITERIA.md 1.3). */
public enum ReferenceRangeSource {
    /** Reported by the performing laboratory with the result. */
    REPORTED,
    /** The adult default of CRITERIA.md 13.4, because the result carried none. */
    DEFAULT,
    /** The criterion uses absolute thresholds only. */
    NOT_USED
}
