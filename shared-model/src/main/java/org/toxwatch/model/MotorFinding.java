package org.toxwatch.model;

/** Motor findings, the ICANS domain of ASTCT 2019 (CRITERIA.md 5.2). */
public enum MotorFinding {
    NONE,
    /** Deep focal motor weakness such as hemiparesis or paraparesis. */
    DEEP_FOCAL_WEAKNESS
}
