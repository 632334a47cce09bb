package org.toxwatch.model;

/** What changed an alert episode. */
public enum AlertTransition {
    RAISED,
    /** A higher grade: clinicians are notified again. */
    ESCALATED_GRADE,
    /** An unchanged or lower grade: recorded, not notified. */
    UPDATED,
    /** Nobody acknowledged in time: the next tier is notified. */
    ESCALATED_TIER,
    ACKNOWLEDGED,
    SNOOZED,
    ASSIGNED,
    RESOLVED
}
