package org.toxwatch.monitoring.domain.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CRITERIA.md 13.3: canonical units and conversion factors. */
class UnitConversionTest {

    @ParameterizedTest(name = "{0}: {1} {2} = {3} canonical")
    @CsvSource({
        "ANC,               1.5,     10*9/L,   1.5",
        "ANC,               1.5,     10*3/uL,  1.5",
        "ANC,               1.5,     G/L,      1.5",
        "ANC,               1.5,     K/uL,     1.5",
        "ANC,               1500,    /uL,      1.5",
        "ANC,               1500,    /mm3,     1.5",
        "ANC,               1500,    cells/uL, 1.5",
        "PLATELETS,         75000,   10*6/L,   75",
        "HEMOGLOBIN,        100,     g/L,      10",
        "HEMOGLOBIN,        5,       mmol/L,   8.057",
        "ALT,               40,      IU/L,     40",
        "AST,               1,       ukat/L,   60",
        "LDH,               280,     [IU]/L,   280",
        "TOTAL_BILIRUBIN,   34.208,  umol/L,   2",
        "CREATININE,        88.4,    umol/L,   1",
        "URATE,             59.48,   umol/L,   1",
        "URATE,             1,       mmol/L,   16.81",
        "POTASSIUM,         4.2,     mEq/L,    4.2",
        "CALCIUM_TOTAL,     2.5,     mmol/L,   10.02",
        "CALCIUM_CORRECTED, 5,       mEq/L,    10.02",
        "CALCIUM_IONIZED,   4.008,   mg/dL,    1",
        "PHOSPHATE,         1,       mmol/L,   3.097",
        "ALBUMIN,           35,      g/L,      3.5",
        "FIBRINOGEN,        2,       g/L,      200",
        "FERRITIN,          400,     ug/L,     400",
        "FERRITIN,          2.247,   pmol/L,   1",
        "CRP,               1,       mg/dL,    10",
    })
    void convertsLaboratoryValuesWithTheFactorsOfTheTable(
            Analyte analyte, BigDecimal value, String unit, BigDecimal expected) {
        var conversion = UnitConversion.convert(analyte, value, unit);

        assertThat(conversion).isInstanceOf(Conversion.Converted.class);
        assertThat(conversion.orElseThrow()).isEqualByComparingTo(expected);
        assertThat(((Conversion.Converted) conversion).unit()).isEqualTo(analyte.canonicalUnit());
    }

    @ParameterizedTest(name = "{0}: {1} {2} = {3} {4}")
    @CsvSource({
        "BODY_TEMPERATURE,    100.4,  [degF],  38,         Cel",
        "BODY_TEMPERATURE,    98.6,   [degF],  37,         Cel",
        "BODY_TEMPERATURE,    38.5,   Cel,     38.5,       Cel",
        "INHALED_OXYGEN_FLOW, 2000,   mL/min,  2,          L/min",
        "INHALED_OXYGEN_FLOW, 6,      L/min,   6,          L/min",
        "BODY_WEIGHT,         1,      [lb_av], 0.45359237, kg",
        "BODY_WEIGHT,         70500,  g,       70.5,       kg",
    })
    void convertsTemperatureOxygenFlowAndWeight(
            VitalSign sign, BigDecimal value, String unit, BigDecimal expected, String canonical) {
        assertThat(UnitConversion.toCanonical(sign, value, unit)).isEqualByComparingTo(expected);
        assertThat(sign.canonicalUnit()).isEqualTo(canonical);
    }

    /** Issue 14 item 2: the vendor spellings of the shared synonym table, read as ingest reads them. */
    @ParameterizedTest(name = "{0}: {1} {2} = {3} canonical")
    @CsvSource({
        "ANC,              0.4,   x10E3/uL,   0.4",
        "ANC,              0.4,   thou/uL,    0.4",
        "ANC,              0.4,   10^3/uL,    0.4",
        "ANC,              0.4,   x10^9/L,    0.4",
        "LYMPHOCYTES,      1500,  {cells}/uL, 1.5",
        "PLATELETS,        18,    k/uL,       18",
        "POTASSIUM,        6.6,   MEQ/L,      6.6",
        "HEMOGLOBIN,       7.5,   g/dl,       7.5",
        "ALT,              250,   IU/l,       250",
        "TOTAL_BILIRUBIN,  34.208, µmol/L,    2",
    })
    void readsEveryVendorSpellingOfTheSynonymTable(
            Analyte analyte, BigDecimal value, String unit, BigDecimal expected) {
        assertThat(UnitConversion.toCanonical(analyte, value, unit)).isEqualByComparingTo(expected);
        assertThat(UnitConversion.accepts(analyte, unit)).isTrue();
    }

    @ParameterizedTest(name = "{1} {2} = {3} Cel")
    @CsvSource({"°F, 101.3, 38.5", "F, 100.4, 38", "degF, 98.6, 37", "°C, 38.5, 38.5"})
    void readsTemperatureSpellings(String unit, BigDecimal value, BigDecimal celsius) {
        assertThat(UnitConversion.toCanonical(VitalSign.BODY_TEMPERATURE, value, unit))
                .isEqualByComparingTo(celsius);
    }

    @Test
    void aSpellingOfAUnitTheAnalyteDoesNotTakeIsStillRejectedAsWritten() {
        var conversion = UnitConversion.convert(Analyte.HEMOGLOBIN, BigDecimal.TEN, "mg/dl");

        assertThat(((Conversion.UnknownUnit) conversion).reason())
                .startsWith("unit 'mg/dl' is not a unit of Hemoglobin");
    }

    @Test
    void multipliesExactly() {
        assertThat(UnitConversion.toCanonical(Analyte.HEMOGLOBIN, new BigDecimal("6.2"), "mmol/L"))
                .isEqualTo(new BigDecimal("9.99068"));
    }

    @Test
    void dividesWith34SignificantDigits() {
        var canonical = UnitConversion.toCanonical(Analyte.TOTAL_BILIRUBIN, new BigDecimal("31.5"), "umol/L");

        assertThat(canonical)
                .isEqualTo(new BigDecimal("31.5").divide(new BigDecimal("17.104"), MathContext.DECIMAL128));
        assertThat(canonical.precision()).isEqualTo(34);
    }

    @Test
    void convertsFahrenheitAsTheCriteriaWriteIt() {
        assertThat(UnitConversion.fahrenheitToCelsius(new BigDecimal("101.0")))
                .isEqualTo(new BigDecimal("69.0")
                        .multiply(new BigDecimal("5"))
                        .divide(new BigDecimal("9"), MathContext.DECIMAL128));
    }

    @ParameterizedTest(name = "{0} in {1} is rejected")
    @CsvSource({
        "PLATELETS,       mg",
        "PLATELETS,       ''",
        "ANC,             %",
        "HEMOGLOBIN,      mg/dL",
        "TOTAL_BILIRUBIN, mmol/L",
        "CREATININE,      mmol/L",
        "CALCIUM_IONIZED, mEq/L",
        "ALT,             U/mL",
    })
    void rejectsAUnitTheTableDoesNotMap(Analyte analyte, String unit) {
        var conversion = UnitConversion.convert(analyte, BigDecimal.ONE, unit);

        assertThat(conversion).isInstanceOf(Conversion.UnknownUnit.class);
    }

    @Test
    void namesTheUnitAndTheAnalyteWhenRejecting() {
        var conversion = UnitConversion.convert(Analyte.PLATELETS, new BigDecimal("150"), "mg");

        assertThat(((Conversion.UnknownUnit) conversion).reason())
                .startsWith("unit 'mg' is not a unit of Platelets (accepted: 10*9/L, 10*3/uL");
        assertThatThrownBy(conversion::orElseThrow)
                .isInstanceOf(UnknownUnitException.class)
                .hasMessageContaining("'mg'")
                .hasMessageContaining("Platelets")
                .satisfies(thrown -> {
                    var unknown = (UnknownUnitException) thrown;
                    assertThat(unknown.unit()).isEqualTo("mg");
                    assertThat(unknown.measurand()).isEqualTo(Analyte.PLATELETS);
                });
    }

    @Test
    void rejectsFahrenheitForAnythingButTemperature() {
        assertThat(UnitConversion.convert(VitalSign.HEART_RATE, BigDecimal.TEN, "[degF]"))
                .isInstanceOf(Conversion.UnknownUnit.class);
    }
}
