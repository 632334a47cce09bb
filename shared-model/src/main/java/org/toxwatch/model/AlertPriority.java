package org.toxwatch.model;

/** IEC 60601-1-8 style alarm priorities. */
public enum AlertPriority {
    HIGH,
    MEDIUM,
    LOW
}
