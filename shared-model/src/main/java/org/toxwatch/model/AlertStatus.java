package org.toxwatch.model;

/** Where an alert episode stands. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    SNOOZED,
    RESOLVED
}
