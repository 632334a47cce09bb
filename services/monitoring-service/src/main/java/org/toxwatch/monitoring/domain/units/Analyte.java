package org.toxwatch.monitoring.domain.units;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The laboratory analytes of CRITERIA.md 13.1 with every accepted LOINC code, the canonical UCUM unit of
 * 13.3 and the adult default reference range of 13.4.
 *
 * <p>A result whose LOINC code is not listed here is not graded (13.1). High-sensitivity CRP (30522-7) is
 * deliberately absent: 13.1 accepts it only if the site maps it. Analytes marked "display only" or "not
 * graded" in 13.1 are listed so they can be stored and shown, but no rule grades them.
 */
public enum Analyte implements Measurand {
    ANC("ANC", "10*9/L", DefaultReferenceRange.of("1.8", "7.7"), "751-8", "26499-4", "753-4"),
    /** Neutrophils/100 leukocytes: a percentage, not a count, so never graded (CRITERIA.md 2.5). */
    NEUTROPHILS_PERCENT("Neutrophils %", "%", DefaultReferenceRange.none(), "770-8"),
    WBC("WBC", "10*9/L", DefaultReferenceRange.of("4.0", "11.0"), "6690-2", "26464-8", "804-5"),
    LYMPHOCYTES("Lymphocytes", "10*9/L", DefaultReferenceRange.of("1.0", "4.0"), "731-0", "26474-7", "732-8"),
    PLATELETS("Platelets", "10*9/L", DefaultReferenceRange.of("150", "400"), "777-3", "26515-7", "778-1"),
    /** Hemoglobin; the sex-specific defaults of 13.4 are in {@link #defaultRange(Sex)}. */
    HEMOGLOBIN("Hemoglobin", "g/dL", DefaultReferenceRange.of("12.0", "17.5"), "718-7", "59260-0", "20509-6"),
    ALT("ALT", "U/L", DefaultReferenceRange.of(null, "40"), "1742-6", "1743-4"),
    AST("AST", "U/L", DefaultReferenceRange.of(null, "40"), "1920-8", "30239-8"),
    ALP("ALP", "U/L", DefaultReferenceRange.of("40", "130"), "6768-6"),
    GGT("GGT", "U/L", DefaultReferenceRange.of(null, "60"), "2324-2"),
    TOTAL_BILIRUBIN("Total bilirubin", "mg/dL", DefaultReferenceRange.of("0.1", "1.2"), "1975-2", "14631-6", "42719-5"),
    /** Display only (13.1); 13.3 lists no conversion for it, so only mg/dL is accepted. */
    DIRECT_BILIRUBIN("Direct bilirubin", "mg/dL", DefaultReferenceRange.none(), "1968-7"),
    CREATININE("Creatinine", "mg/dL", DefaultReferenceRange.of("0.6", "1.2"), "2160-0", "14682-9", "38483-4"),
    POTASSIUM("Potassium", "mmol/L", DefaultReferenceRange.of("3.5", "5.1"), "2823-3", "6298-4"),
    URATE("Urate", "mg/dL", DefaultReferenceRange.of("3.5", "7.2"), "3084-1", "14933-6"),
    PHOSPHATE("Phosphate", "mg/dL", DefaultReferenceRange.of("2.5", "4.5"), "2777-1", "14879-1"),
    CALCIUM_TOTAL("Calcium", "mg/dL", DefaultReferenceRange.of("8.5", "10.5"), "17861-6", "2000-8"),
    CALCIUM_CORRECTED("Corrected calcium", "mg/dL", DefaultReferenceRange.of("8.5", "10.5"), "29265-6"),
    CALCIUM_IONIZED("Ionized calcium", "mmol/L", DefaultReferenceRange.of("1.12", "1.32"), "1995-0", "1994-3"),
    ALBUMIN("Albumin", "g/dL", DefaultReferenceRange.of("3.5", "5.0"), "1751-7"),
    FIBRINOGEN("Fibrinogen", "mg/dL", DefaultReferenceRange.of("200", "400"), "3255-7"),
    FERRITIN("Ferritin", "ng/mL", DefaultReferenceRange.of("30", "400"), "2276-4"),
    CRP("CRP", "mg/L", DefaultReferenceRange.of(null, "5"), "1988-5"),
    LDH("LDH", "U/L", DefaultReferenceRange.of("140", "280"), "2532-0"),
    /** Display only (13.1); 13.3 lists no unit for it: pg/mL is the customary one, accepted alone. */
    IL6("IL-6", "pg/mL", DefaultReferenceRange.none(), "26881-3");

    private static final Map<String, Analyte> BY_LOINC = Arrays.stream(values())
            .flatMap(analyte -> analyte.loincCodes.stream().map(code -> Map.entry(code, analyte)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final DefaultReferenceRange HEMOGLOBIN_FEMALE = DefaultReferenceRange.of("12.0", "15.5");
    private static final DefaultReferenceRange HEMOGLOBIN_MALE = DefaultReferenceRange.of("13.5", "17.5");

    private final String display;
    private final String canonicalUnit;
    private final DefaultReferenceRange defaultRange;
    private final List<String> loincCodes;

    Analyte(String display, String canonicalUnit, DefaultReferenceRange defaultRange, String... loincCodes) {
        this.display = display;
        this.canonicalUnit = canonicalUnit;
        this.defaultRange = defaultRange;
        this.loincCodes = List.of(loincCodes);
    }

    /** The analyte a LOINC code of 13.1 measures; empty for a code ToxWatch does not grade. */
    public static Optional<Analyte> byLoinc(String loinc) {
        return Optional.ofNullable(BY_LOINC.get(loinc));
    }

    @Override
    public String display() {
        return display;
    }

    @Override
    public String canonicalUnit() {
        return canonicalUnit;
    }

    public List<String> loincCodes() {
        return loincCodes;
    }

    /** The 13.4 default for a patient of unknown sex. */
    public DefaultReferenceRange defaultRange() {
        return defaultRange(Sex.UNKNOWN);
    }

    /** Whether 13.4 gives this analyte a default row per sex (only hemoglobin). */
    public boolean hasSexSpecificDefault() {
        return this == HEMOGLOBIN;
    }

    /** The 13.4 default; only hemoglobin has sex-specific defaults. */
    public DefaultReferenceRange defaultRange(Sex sex) {
        if (!hasSexSpecificDefault()) {
            return defaultRange;
        }
        return switch (sex) {
            case FEMALE -> HEMOGLOBIN_FEMALE;
            case MALE -> HEMOGLOBIN_MALE;
            case UNKNOWN -> defaultRange;
        };
    }
}
