package org.toxwatch.monitoring.domain.units;

/**
 * The patient's sex, as far as default reference ranges care (CRITERIA.md 1.3, 13.4). The wire contract
 * does not carry it yet, so grading uses {@link #UNKNOWN}.
 */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN
}
