package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Puts a lab value (and its reference range) into its analyte's canonical unit of CRITERIA.md 13.3 where the
 * conversion is a multiplication by a factor of that table: exact decimal arithmetic then keeps every
 * comparison of a value with a multiple of its limit exactly as it was.
 *
 * <p>The conversions 13.3 writes as divisions (bilirubin and creatinine from umol/L, urate from umol/L,
 * ionized calcium from mg/dL, ferritin from pmol/L) and hemoglobin in mmol/L are left in the reported unit on
 * purpose: CRITERIA.md 1.1 requires a value to be compared with a multiple of a limit in their shared unit, and
 * a finite-precision division could break an exact tie (31.5 umol/L is exactly 1.5 x ULN 21 umol/L). The
 * monitoring service converts those itself after that comparison. Codes whose LOINC property is molar keep
 * their unit too, so that a code never contradicts the unit it is sent with.
 */
public final class CanonicalUnits {

    /** A value in a unit. */
    public record Quantity(BigDecimal value, String unit) {}

    private record Family(Set<String> loincCodes, String canonicalUnit, Map<String, BigDecimal> factors) {}

    private static final List<Family> FAMILIES = List.of(
            family(
                    "10*9/L",
                    Map.of(
                            "10*3/uL", "1",
                            "G/L", "1",
                            "K/uL", "1",
                            "/uL", "0.001",
                            "/mm3", "0.001",
                            "cells/uL", "0.001",
                            "10*6/L", "0.001"),
                    "751-8",
                    "26499-4",
                    "753-4",
                    "6690-2",
                    "26464-8",
                    "804-5",
                    "731-0",
                    "26474-7",
                    "732-8",
                    "777-3",
                    "26515-7",
                    "778-1"),
            family("g/dL", Map.of("g/L", "0.1"), "718-7", "20509-6", "1751-7"),
            family(
                    "U/L",
                    Map.of("IU/L", "1", "[IU]/L", "1", "ukat/L", "60"),
                    "1742-6",
                    "1743-4",
                    "1920-8",
                    "30239-8",
                    "6768-6",
                    "2324-2",
                    "2532-0"),
            family("mmol/L", Map.of("meq/L", "1"), "2823-3", "6298-4"),
            family("mg/dL", Map.of("mmol/L", "16.81"), "3084-1"),
            family("mg/dL", Map.of("mmol/L", "3.097"), "2777-1"),
            family("mg/dL", Map.of("mmol/L", "4.008", "meq/L", "2.004"), "17861-6"),
            family("mg/dL", Map.of("g/L", "100"), "3255-7"),
            family("ng/mL", Map.of("ug/L", "1"), "2276-4"),
            family("mg/L", Map.of("mg/dL", "10"), "1988-5"));

    private CanonicalUnits() {}

    /** The value in its canonical unit, or as reported when that unit is kept (see the class comment). */
    public static Quantity of(String loinc, BigDecimal value, String unit) {
        return factor(loinc, unit)
                .map(factor -> new Quantity(value.multiply(factor.getValue()), factor.getKey()))
                .orElse(new Quantity(value, unit));
    }

    /** A reference limit converted exactly like the value it belongs to. */
    public static @Nullable BigDecimal limit(String loinc, @Nullable BigDecimal limit, String unit) {
        if (limit == null) {
            return null;
        }
        return factor(loinc, unit)
                .map(factor -> limit.multiply(factor.getValue()))
                .orElse(limit);
    }

    private static Optional<Map.Entry<String, BigDecimal>> factor(String loinc, String unit) {
        return FAMILIES.stream()
                .filter(family -> family.loincCodes().contains(loinc))
                .findFirst()
                .flatMap(family -> Optional.ofNullable(family.factors().get(unit))
                        .map(factor -> Map.entry(family.canonicalUnit(), factor)));
    }

    private static Family family(String canonicalUnit, Map<String, String> factors, String... loincCodes) {
        return new Family(
                Set.of(loincCodes),
                canonicalUnit,
                factors.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue()))));
    }
}
