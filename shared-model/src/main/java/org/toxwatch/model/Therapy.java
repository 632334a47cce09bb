package org.toxwatch.model;

/** The immunotherapies ToxWatch watches. */
public enum Therapy {
    /** BLINCYTO, CD19xCD3 bispecific T-cell engager, continuous infusion. */
    BLINATUMOMAB,
    /** BESPONSA, CD22 antibody-drug conjugate, days 1, 8 and 15 of each cycle. */
    INOTUZUMAB_OZOGAMICIN,
    /** CD19, CD22 or dual-targeted CAR T-cells (tisagenlecleucel, brexucabtagene, obecabtagene, ...). */
    CAR_T
}
