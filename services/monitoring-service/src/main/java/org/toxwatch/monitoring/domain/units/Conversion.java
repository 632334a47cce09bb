package org.toxwatch.monitoring.domain.units;

import java.math.BigDecimal;

/** The outcome of converting a value to its canonical unit: converted, or a unit that cannot be mapped. */
public sealed interface Conversion permits Conversion.Converted, Conversion.UnknownUnit {

    /** The value in the canonical unit, or {@link UnknownUnitException} naming the unit and the measurand. */
    BigDecimal orElseThrow();

    /** The value in {@code unit}, the measurand's canonical unit. */
    record Converted(BigDecimal value, String unit) implements Conversion {
        @Override
        public BigDecimal orElseThrow() {
            return value;
        }
    }

    /** {@code unit} is not a unit of {@code measurand} in CRITERIA.md 13.3: reject, never guess. */
    record UnknownUnit(Measurand measurand, String unit) implements Conversion {

        /** E.g. {@code unit 'mg' is not a unit of Platelets (accepted: 10*9/L, ...)}. */
        public String reason() {
            return "unit '%s' is not a unit of %s (accepted: %s)"
                    .formatted(unit, measurand.display(), String.join(", ", UnitConversion.acceptedUnits(measurand)));
        }

        @Override
        public BigDecimal orElseThrow() {
            throw new UnknownUnitException(this);
        }
    }
}
