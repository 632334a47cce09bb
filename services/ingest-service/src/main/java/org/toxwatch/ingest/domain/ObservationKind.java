package org.toxwatch.ingest.domain;

/** Whether an observation code is a laboratory result or which vital sign it is. */
public enum ObservationKind {
    LAB,
    TEMPERATURE,
    HEART_RATE,
    SYSTOLIC_BP,
    DIASTOLIC_BP,
    MEAN_ARTERIAL_PRESSURE,
    SPO2,
    RESPIRATORY_RATE,
    OXYGEN_FLOW,
    OXYGEN_DEVICE,
    WEIGHT
}
