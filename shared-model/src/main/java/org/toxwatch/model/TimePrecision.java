package org.toxwatch.model;

/** How precisely the sender gave a clinical time; a time given to the day is stored as that day's start (UTC). */
public enum TimePrecision {
    DAY,
    HOUR,
    MINUTE,
    SECOND
}
