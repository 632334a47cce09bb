package org.toxwatch.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a censored result relates to its number: {@code <0.1} is {@link #LESS_THAN} 0.1. HL7 v2 SN component 1
 * and FHIR {@code Quantity.comparator} use the same four symbols. A result without a comparator is the value
 * itself.
 */
public enum ValueComparator {
    LESS_THAN("<"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    GREATER_THAN(">");

    private final String symbol;

    ValueComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The comparator written as {@code symbol}, e.g. {@code "<="}. */
    public static Optional<ValueComparator> ofSymbol(String symbol) {
        return Arrays.stream(values())
                .filter(comparator -> comparator.symbol.equals(symbol))
                .findFirst();
    }

    /** True when the true value may be below the reported number. */
    public boolean boundsFromAbove() {
        return this == LESS_THAN || this == LESS_OR_EQUAL;
    }
}
