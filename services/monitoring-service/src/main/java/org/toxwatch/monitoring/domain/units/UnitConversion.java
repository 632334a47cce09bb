package org.toxwatch.monitoring.domain.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.toxwatch.model.UnitSynonyms;

/**
 * Converts a value to its measurand's canonical unit with the factors of CRITERIA.md 13.3.
 *
 * <p>Multiplicative factors are applied exactly; the factors 13.3 writes as divisions (bilirubin / 17.104,
 * creatinine / 88.4, ...) divide with {@link MathContext#DECIMAL128}, 34 significant digits. That is why
 * rules compare a value with a multiple of a limit in the reported unit when both share it (1.1): a
 * division can break an exact tie, a multiplication cannot.
 *
 * <p>Units are matched exactly as written in 13.3, plus the UCUM spelling of the same unit where 13.3
 * writes a customary one ({@code [IU]/L} for IU/L, {@code meq/L} for mEq/L), plus every vendor spelling the
 * shared synonym table ({@link UnitSynonyms}, the one ingest reads with) maps to one of those ({@code x10E3/uL},
 * {@code thou/uL}, {@code °F}). Anything else is an {@link Conversion.UnknownUnit}: a bare "150" platelet count
 * could be x10^9/L or /uL, so never guess.
 */
public final class UnitConversion {

    /** The precision of every division in a conversion. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private static final String FAHRENHEIT = "[degF]";
    private static final BigDecimal THIRTY_TWO = new BigDecimal("32");
    private static final BigDecimal FIVE = new BigDecimal("5");
    private static final BigDecimal NINE = new BigDecimal("9");

    private static final Map<Measurand, Map<String, Factor>> FACTORS = factors();

    private UnitConversion() {}

    /** {@code value} in {@code unit}, converted to the canonical unit of {@code measurand}. */
    public static Conversion convert(Measurand measurand, BigDecimal value, String unit) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        var table = FACTORS.getOrDefault(measurand, Map.of());
        var ucum = table.containsKey(unit) ? unit : UnitSynonyms.toUcum(unit);
        if (measurand == VitalSign.BODY_TEMPERATURE && ucum.equals(FAHRENHEIT)) {
            return new Conversion.Converted(fahrenheitToCelsius(value), measurand.canonicalUnit());
        }
        var factor = table.get(ucum);
        if (factor == null) {
            return new Conversion.UnknownUnit(measurand, unit);
        }
        return new Conversion.Converted(factor.apply(value), measurand.canonicalUnit());
    }

    /** Like {@link #convert} but throws {@link UnknownUnitException} for a unit 13.3 does not map. */
    public static BigDecimal toCanonical(Measurand measurand, BigDecimal value, String unit) {
        return convert(measurand, value, unit).orElseThrow();
    }

    public static boolean accepts(Measurand measurand, String unit) {
        return convert(measurand, BigDecimal.ONE, unit) instanceof Conversion.Converted;
    }

    /** The canonical unit first, then every alternative of 13.3. */
    public static List<String> acceptedUnits(Measurand measurand) {
        var units = new ArrayList<>(FACTORS.getOrDefault(measurand, Map.of()).keySet());
        if (measurand == VitalSign.BODY_TEMPERATURE) {
            units.add(FAHRENHEIT);
        }
        return List.copyOf(units);
    }

    /** {@code C = (F - 32) x 5 / 9} (CRITERIA.md 3.6 and 13.3). */
    public static BigDecimal fahrenheitToCelsius(BigDecimal fahrenheit) {
        return fahrenheit.subtract(THIRTY_TWO).multiply(FIVE).divide(NINE, DIVISION);
    }

    private static Map<Measurand, Map<String, Factor>> factors() {
        var table = new HashMap<Measurand, Map<String, Factor>>();
        for (var count : List.of(Analyte.ANC, Analyte.WBC, Analyte.LYMPHOCYTES, Analyte.PLATELETS)) {
            table.put(
                    count,
                    unitsOf(count)
                            .times("10*3/uL", "1")
                            .times("G/L", "1")
                            .times("K/uL", "1")
                            .times("/uL", "0.001")
                            .times("/mm3", "0.001")
                            .times("cells/uL", "0.001")
                            .times("10*6/L", "0.001")
                            .build());
        }
        table.put(
                Analyte.HEMOGLOBIN,
                unitsOf(Analyte.HEMOGLOBIN)
                        .times("g/L", "0.1")
                        .times("mmol/L", "1.6114")
                        .build());
        for (var enzyme : List.of(Analyte.ALT, Analyte.AST, Analyte.ALP, Analyte.GGT, Analyte.LDH)) {
            table.put(
                    enzyme,
                    unitsOf(enzyme)
                            .times("IU/L", "1")
                            .times("[IU]/L", "1")
                            .times("ukat/L", "60")
                            .build());
        }
        table.put(
                Analyte.TOTAL_BILIRUBIN,
                unitsOf(Analyte.TOTAL_BILIRUBIN).dividedBy("umol/L", "17.104").build());
        table.put(
                Analyte.CREATININE,
                unitsOf(Analyte.CREATININE).dividedBy("umol/L", "88.4").build());
        table.put(
                Analyte.URATE,
                unitsOf(Analyte.URATE)
                        .dividedBy("umol/L", "59.48")
                        .times("mmol/L", "16.81")
                        .build());
        table.put(
                Analyte.POTASSIUM,
                unitsOf(Analyte.POTASSIUM)
                        .times("mEq/L", "1")
                        .times("meq/L", "1")
                        .build());
        for (var calcium : List.of(Analyte.CALCIUM_TOTAL, Analyte.CALCIUM_CORRECTED)) {
            table.put(
                    calcium,
                    unitsOf(calcium)
                            .times("mmol/L", "4.008")
                            .times("mEq/L", "2.004")
                            .times("meq/L", "2.004")
                            .build());
        }
        table.put(
                Analyte.CALCIUM_IONIZED,
                unitsOf(Analyte.CALCIUM_IONIZED).dividedBy("mg/dL", "4.008").build());
        table.put(
                Analyte.PHOSPHATE,
                unitsOf(Analyte.PHOSPHATE).times("mmol/L", "3.097").build());
        table.put(Analyte.ALBUMIN, unitsOf(Analyte.ALBUMIN).times("g/L", "0.1").build());
        table.put(
                Analyte.FIBRINOGEN,
                unitsOf(Analyte.FIBRINOGEN).times("g/L", "100").build());
        table.put(
                Analyte.FERRITIN,
                unitsOf(Analyte.FERRITIN)
                        .times("ug/L", "1")
                        .dividedBy("pmol/L", "2.247")
                        .build());
        table.put(Analyte.CRP, unitsOf(Analyte.CRP).times("mg/dL", "10").build());
        table.put(
                VitalSign.INHALED_OXYGEN_FLOW,
                unitsOf(VitalSign.INHALED_OXYGEN_FLOW).times("mL/min", "0.001").build());
        table.put(
                VitalSign.BODY_WEIGHT,
                unitsOf(VitalSign.BODY_WEIGHT)
                        .times("[lb_av]", "0.45359237")
                        .times("g", "0.001")
                        .build());
        // Everything else (display-only analytes, most vital signs) is accepted in its canonical unit only.
        for (var analyte : Analyte.values()) {
            table.putIfAbsent(analyte, unitsOf(analyte).build());
        }
        for (var vital : VitalSign.values()) {
            table.putIfAbsent(vital, unitsOf(vital).build());
        }
        return Map.copyOf(table);
    }

    private static UnitTable unitsOf(Measurand measurand) {
        return new UnitTable().times(measurand.canonicalUnit(), "1");
    }

    /** The accepted units of one measurand in the order 13.3 lists them, canonical first. */
    private static final class UnitTable {
        private final Map<String, Factor> factors = new LinkedHashMap<>();

        UnitTable times(String unit, String factor) {
            factors.put(unit, new Factor(new BigDecimal(factor), false));
            return this;
        }

        UnitTable dividedBy(String unit, String divisor) {
            factors.put(unit, new Factor(new BigDecimal(divisor), true));
            return this;
        }

        Map<String, Factor> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        }
    }

    /** Multiply by, or divide by, an exact decimal. */
    private record Factor(BigDecimal number, boolean divide) {
        BigDecimal apply(BigDecimal value) {
            return divide ? value.divide(number, DIVISION) : value.multiply(number);
        }
    }
}
