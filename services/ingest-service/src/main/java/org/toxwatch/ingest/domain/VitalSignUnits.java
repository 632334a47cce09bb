package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/** Conversions of vital signs to the canonical units of CRITERIA.md 13.2/13.3. */
final class VitalSignUnits {

    private static final BigDecimal THIRTY_TWO = new BigDecimal("32");
    private static final BigDecimal FIVE = new BigDecimal("5");
    private static final BigDecimal NINE = new BigDecimal("9");
    private static final BigDecimal POUND_IN_KG = new BigDecimal("0.45359237");
    private static final BigDecimal THOUSANDTH = new BigDecimal("0.001");

    /** {@code C = (F - 32) x 5 / 9}. */
    static BigDecimal toCelsius(BigDecimal value, String unit) {
        if (unit.equals("[degF]")) {
            return value.subtract(THIRTY_TWO)
                    .multiply(FIVE)
                    .divide(NINE, MathContext.DECIMAL64)
                    .stripTrailingZeros();
        }
        return value;
    }

    static BigDecimal toKilograms(BigDecimal value, String unit) {
        return switch (unit) {
            case "[lb_av]" -> value.multiply(POUND_IN_KG);
            case "g" -> value.multiply(THOUSANDTH);
            default -> value;
        };
    }

    static BigDecimal toLitresPerMinute(BigDecimal value, String unit) {
        return unit.equals("mL/min") ? value.multiply(THOUSANDTH) : value;
    }

    private VitalSignUnits() {}
}
