package org.toxwatch.model;

/** Supportive drugs that change how toxicities are graded (CRITERIA.md 4.1). */
public enum SupportiveDrug {
    TOCILIZUMAB,
    SILTUXIMAB,
    ANAKINRA,
    CORTICOSTEROID,
    ANTIPYRETIC,
    /** Carries the number of distinct non-vasopressin agents running and whether vasopressin runs. */
    VASOPRESSOR,
    PLATELET_TRANSFUSION
}
