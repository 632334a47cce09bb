package org.toxwatch.model;

/** Oxygen delivery, as ASTCT CRS grading distinguishes it (CRITERIA.md 4.1). */
public enum OxygenDevice {
    NONE,
    NASAL_CANNULA,
    BLOW_BY,
    HIGH_FLOW_NASAL_CANNULA,
    SIMPLE_FACE_MASK,
    NON_REBREATHER,
    VENTURI_MASK,
    CPAP,
    BIPAP,
    MECHANICAL_VENTILATION
}
