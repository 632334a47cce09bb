package org.toxwatch.model;

/** What happened in a therapy event. */
public enum TherapyEventType {
    /** The patient starts a therapy episode; {@code occurredAt} is T0 (CRITERIA.md 1.4). */
    ENROLLED,
    /** A dose of the therapy was given (inotuzumab day 1/8/15, a blinatumomab bag, a CAR-T split dose). */
    DOSE_ADMINISTERED,
    /** A continuous infusion (blinatumomab) started or restarted. */
    INFUSION_STARTED,
    /** A continuous infusion (blinatumomab) stopped or was interrupted. */
    INFUSION_STOPPED,
    /** CAR T-cells infused: day 0 of the CAR-T windows. */
    CAR_T_INFUSED,
    /** A supportive drug was given or, for vasopressors, the running agents changed. */
    SUPPORTIVE_DRUG_GIVEN
}
