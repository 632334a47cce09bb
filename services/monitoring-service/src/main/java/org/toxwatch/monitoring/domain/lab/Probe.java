package org.toxwatch.monitoring.domain.lab;

/**
 * Where a rule evaluates a censored quantity. A result {@code <0.1} allows every value below 0.1; its grade is
 * found from the two ends of that set: "below everything" and "just below 0.1". Just below and just above are
 * exact: no decimal stands in for them, so a strict threshold at the bound itself is judged right ({@code <0.5}
 * is below 0.5; {@code <=0.5} reaches 0.5).
 */
public enum Probe {
    /** The number itself: an uncensored value, or the bound a {@code <=} or {@code >=} result includes. */
    AT(0),
    /** Infinitesimally below the number: the upper end of a {@code <} result. */
    JUST_BELOW(-1),
    /** Infinitesimally above the number: the lower end of a {@code >} result. */
    JUST_ABOVE(1),
    /** Below every threshold: the lower end of a {@code <} or {@code <=} result. */
    BELOW_ALL(0),
    /** Above every threshold: the upper end of a {@code >} or {@code >=} result. */
    ABOVE_ALL(0);

    private final int offset;

    Probe(int offset) {
        this.offset = offset;
    }

    /** The sign of {@code (n + this) - (m + other)} for two numbers whose difference has sign {@code numbers}. */
    int compare(int numbers, Probe other) {
        if (this == ABOVE_ALL || other == BELOW_ALL) {
            return this == other ? 0 : 1;
        }
        if (this == BELOW_ALL || other == ABOVE_ALL) {
            return this == other ? 0 : -1;
        }
        return numbers != 0 ? numbers : Integer.signum(offset - other.offset);
    }

    /** The probe of {@code -x} for {@code x} probed here. */
    Probe negated() {
        return switch (this) {
            case AT -> AT;
            case JUST_BELOW -> JUST_ABOVE;
            case JUST_ABOVE -> JUST_BELOW;
            case BELOW_ALL -> ABOVE_ALL;
            case ABOVE_ALL -> BELOW_ALL;
        };
    }

    /** The probe of {@code x + y}, {@code x} probed here and {@code y} at {@code other}. */
    Probe plus(Probe other) {
        if (this == BELOW_ALL || this == ABOVE_ALL) {
            return this;
        }
        if (other == BELOW_ALL || other == ABOVE_ALL) {
            return other;
        }
        return switch (Integer.signum(offset + other.offset)) {
            case -1 -> JUST_BELOW;
            case 1 -> JUST_ABOVE;
            default -> AT;
        };
    }
}
