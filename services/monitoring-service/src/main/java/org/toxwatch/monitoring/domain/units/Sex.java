package org.toxwatch.monitoring.domain.units;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;

/** The patient's sex, as far as default reference ranges care (CRITERIA.md 1.3, 13.4). */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN;

    /**
     * The 13.4 row for an administrative sex: only female and male have rows of their own; other, unknown and not
     * stated use the "sex unknown" row (1.3).
     */
    public static Sex of(@Nullable AdministrativeSex sex) {
        if (sex == null) {
            return UNKNOWN;
        }
        return switch (sex) {
            case FEMALE -> FEMALE;
            case MALE -> MALE;
            case OTHER, UNKNOWN -> UNKNOWN;
        };
    }

    /** How a default row names it, e.g. {@code female}, {@code sex unknown}. */
    public String describe() {
        return switch (this) {
            case FEMALE -> "female";
            case MALE -> "male";
            case UNKNOWN -> "sex unknown";
        };
    }
}
