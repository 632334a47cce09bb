package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.UnitConversion;

/** CRITERIA.md 1.1: exact comparisons, in the shared unit when value and limit were reported in one. */
class QuantityTest {

    private static Quantity bilirubin(String value, String unit) {
        var reported = new BigDecimal(value);
        return new Quantity(
                UnitConversion.toCanonical(Analyte.TOTAL_BILIRUBIN, reported, unit), "mg/dL", reported, unit);
    }

    @Test
    void keepsAnExactTieExactInTheSharedUnit() {
        assertThat(bilirubin("31.5", "umol/L").compareToMultiple(new BigDecimal("1.5"), bilirubin("21", "umol/L")))
                .isZero();
    }

    @ParameterizedTest(name = "ALT {0} vs 3.0 x 40 -> {1}")
    @CsvSource({"120, 0", "120.0, 0", "119.99, -1", "120.01, 1"})
    void multipliesTheThresholdRatherThanDividingTheValue(String value, int sign) {
        var alt = Quantity.canonical(new BigDecimal(value), "U/L");

        assertThat(alt.compareToMultiple(new BigDecimal("3.0"), Quantity.canonical(new BigDecimal("40"), "U/L")))
                .isEqualTo(sign);
    }

    @Test
    void comparesInTheCanonicalUnitWhenTheReportedUnitsDiffer() {
        assertThat(bilirubin("2.5", "mg/dL").compareTo(bilirubin("34.2", "umol/L")))
                .isPositive();
    }
}
