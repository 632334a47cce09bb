package org.toxwatch.model;

/** Raised intracranial pressure or cerebral edema, the ICANS domain of ASTCT 2019 (CRITERIA.md 5.2). */
public enum IntracranialPressureFinding {
    NONE,
    /** Focal or local edema on neuroimaging. */
    FOCAL_EDEMA,
    /**
     * Diffuse cerebral edema on neuroimaging, decerebrate or decorticate posturing, cranial nerve VI palsy,
     * papilledema or Cushing's triad.
     */
    DIFFUSE_EDEMA_OR_POSTURING_OR_CN6_OR_PAPILLEDEMA_OR_CUSHING
}
