package org.toxwatch.monitoring.domain.units;

/** A unit CRITERIA.md 13.3 does not map for the measurand; the message names both. */
public final class UnknownUnitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private final transient Measurand measurand;

    public UnknownUnitException(Conversion.UnknownUnit outcome) {
        super(outcome.reason());
        this.unit = outcome.unit();
        this.measurand = outcome.measurand();
    }

    public String unit() {
        return unit;
    }

    public Measurand measurand() {
        return measurand;
    }
}
