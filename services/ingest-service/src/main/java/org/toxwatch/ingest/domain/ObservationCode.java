package org.toxwatch.ingest.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The LOINC codes ToxWatch accepts (CRITERIA.md 13.1 and 13.2) with the units each may be reported in
 * (13.3). A result with a well-formed LOINC code outside this table is never stored: a code nobody grades would
 * mislead whoever reads the feed later. It is skipped and counted, not rejected (see
 * {@link LocalCodes#notMonitored}), so that the sodium of a metabolic panel does not cost the panel its potassium.
 *
 * @param nonNegative counts, activities and concentrations cannot be below zero
 */
public record ObservationCode(
        String loinc, String display, ObservationKind kind, Set<String> units, boolean nonNegative) {

    private static final Set<String> COUNT_UNITS =
            Set.of("10*9/L", "10*3/uL", "G/L", "K/uL", "/uL", "/mm3", "cells/uL", "10*6/L");
    private static final Set<String> ENZYME_UNITS = Set.of("U/L", "IU/L", "[IU]/L", "ukat/L");

    private static final Map<String, ObservationCode> BY_LOINC = Stream.of(
                    lab("751-8", "Neutrophils [#/volume] in Blood by Automated count", COUNT_UNITS),
                    lab("26499-4", "Neutrophils [#/volume] in Blood", COUNT_UNITS),
                    lab("753-4", "Neutrophils [#/volume] in Blood by Manual count", COUNT_UNITS),
                    lab("770-8", "Neutrophils/100 leukocytes in Blood by Automated count", Set.of("%")),
                    lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", COUNT_UNITS),
                    lab("26464-8", "Leukocytes [#/volume] in Blood", COUNT_UNITS),
                    lab("804-5", "Leukocytes [#/volume] in Blood by Manual count", COUNT_UNITS),
                    lab("731-0", "Lymphocytes [#/volume] in Blood by Automated count", COUNT_UNITS),
                    lab("26474-7", "Lymphocytes [#/volume] in Blood", COUNT_UNITS),
                    lab("732-8", "Lymphocytes [#/volume] in Blood by Manual count", COUNT_UNITS),
                    lab("777-3", "Platelets [#/volume] in Blood by Automated count", COUNT_UNITS),
                    lab("26515-7", "Platelets [#/volume] in Blood", COUNT_UNITS),
                    lab("778-1", "Platelets [#/volume] in Blood by Manual count", COUNT_UNITS),
                    lab("718-7", "Hemoglobin [Mass/volume] in Blood", Set.of("g/dL", "g/L")),
                    lab("59260-0", "Hemoglobin [Moles/volume] in Blood", Set.of("mmol/L")),
                    lab("20509-6", "Hemoglobin [Mass/volume] in Blood by calculation", Set.of("g/dL", "g/L")),
                    lab("1742-6", "Alanine aminotransferase [Enzymatic activity/volume]", ENZYME_UNITS),
                    lab("1743-4", "Alanine aminotransferase [Enzymatic activity/volume] by With P-5'-P", ENZYME_UNITS),
                    lab("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume]", ENZYME_UNITS),
                    lab(
                            "30239-8",
                            "Aspartate aminotransferase [Enzymatic activity/volume] by With P-5'-P",
                            ENZYME_UNITS),
                    lab("6768-6", "Alkaline phosphatase [Enzymatic activity/volume]", ENZYME_UNITS),
                    lab("2324-2", "Gamma glutamyl transferase [Enzymatic activity/volume]", ENZYME_UNITS),
                    lab("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "umol/L")),
                    lab("14631-6", "Bilirubin.total [Moles/volume] in Serum or Plasma", Set.of("umol/L", "mg/dL")),
                    lab("42719-5", "Bilirubin.total [Mass/volume] in Blood", Set.of("mg/dL", "umol/L")),
                    lab("1968-7", "Bilirubin.direct [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "umol/L")),
                    lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "umol/L")),
                    lab("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", Set.of("umol/L", "mg/dL")),
                    lab("38483-4", "Creatinine [Mass/volume] in Blood", Set.of("mg/dL", "umol/L")),
                    lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", Set.of("mmol/L", "meq/L")),
                    lab("6298-4", "Potassium [Moles/volume] in Blood", Set.of("mmol/L", "meq/L")),
                    lab("3084-1", "Urate [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "umol/L", "mmol/L")),
                    lab("14933-6", "Urate [Moles/volume] in Serum or Plasma", Set.of("umol/L", "mmol/L", "mg/dL")),
                    lab("2777-1", "Phosphate [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "mmol/L")),
                    lab("14879-1", "Phosphate [Moles/volume] in Serum or Plasma", Set.of("mmol/L", "mg/dL")),
                    lab("17861-6", "Calcium [Mass/volume] in Serum or Plasma", Set.of("mg/dL", "mmol/L", "meq/L")),
                    lab("2000-8", "Calcium [Moles/volume] in Serum or Plasma", Set.of("mmol/L", "mg/dL", "meq/L")),
                    lab("29265-6", "Calcium [Moles/volume] corrected for albumin", Set.of("mmol/L", "mg/dL", "meq/L")),
                    lab("1995-0", "Calcium.ionized [Moles/volume] in Serum or Plasma", Set.of("mmol/L", "mg/dL")),
                    lab("1994-3", "Calcium.ionized [Moles/volume] in Blood", Set.of("mmol/L", "mg/dL")),
                    lab("1751-7", "Albumin [Mass/volume] in Serum or Plasma", Set.of("g/dL", "g/L")),
                    lab("3255-7", "Fibrinogen [Mass/volume] in Platelet poor plasma", Set.of("mg/dL", "g/L")),
                    lab("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", Set.of("ng/mL", "ug/L", "pmol/L")),
                    lab("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", Set.of("mg/L", "mg/dL")),
                    lab("2532-0", "Lactate dehydrogenase [Enzymatic activity/volume]", ENZYME_UNITS),
                    lab("26881-3", "Interleukin 6 [Mass/volume] in Serum or Plasma", Set.of("pg/mL", "ng/L")),
                    vital("8310-5", "Body temperature", ObservationKind.TEMPERATURE, Set.of("Cel", "[degF]")),
                    vital("8867-4", "Heart rate", ObservationKind.HEART_RATE, Set.of("/min")),
                    vital("8480-6", "Systolic blood pressure", ObservationKind.SYSTOLIC_BP, Set.of("mm[Hg]")),
                    vital("8462-4", "Diastolic blood pressure", ObservationKind.DIASTOLIC_BP, Set.of("mm[Hg]")),
                    vital("8478-0", "Mean blood pressure", ObservationKind.MEAN_ARTERIAL_PRESSURE, Set.of("mm[Hg]")),
                    vital("59408-5", "Oxygen saturation by Pulse oximetry", ObservationKind.SPO2, Set.of("%")),
                    vital("2708-6", "Oxygen saturation in Arterial blood", ObservationKind.SPO2, Set.of("%")),
                    vital("9279-1", "Respiratory rate", ObservationKind.RESPIRATORY_RATE, Set.of("/min")),
                    vital("3151-8", "Inhaled oxygen flow rate", ObservationKind.OXYGEN_FLOW, Set.of("L/min", "mL/min")),
                    vital("107117-4", "Method of oxygen delivery", ObservationKind.OXYGEN_DEVICE, Set.of()),
                    vital("29463-7", "Body weight", ObservationKind.WEIGHT, Set.of("kg", "g", "[lb_av]")),
                    vital("3141-9", "Body weight Measured", ObservationKind.WEIGHT, Set.of("kg", "g", "[lb_av]")))
            .collect(Collectors.toUnmodifiableMap(ObservationCode::loinc, code -> code));

    private static final Pattern LOINC = Pattern.compile("(\\d{1,7})-(\\d)");

    public static Optional<ObservationCode> byLoinc(String loinc) {
        return Optional.ofNullable(BY_LOINC.get(loinc));
    }

    /**
     * Whether {@code code} is written as a LOINC code: digits, a hyphen and the check digit LOINC computes with the
     * mod-10 algorithm. A well-formed code outside the table is a test ToxWatch does not grade; a code that fails
     * the check is a typing error, which could as well be a monitored code, so it is never skipped as unmonitored.
     */
    public static boolean isWellFormedLoinc(String code) {
        var matcher = LOINC.matcher(code);
        if (!matcher.matches()) {
            return false;
        }
        String digits = matcher.group(1);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10 == matcher.group(2).charAt(0) - '0';
    }

    /** Whether a value in {@code ucumUnit} (already read through {@link ReportedUnits}) can be this code's. */
    public boolean accepts(String ucumUnit) {
        return units.contains(ucumUnit);
    }

    public boolean isLab() {
        return kind == ObservationKind.LAB;
    }

    /** A coded observation carries a code (e.g. the oxygen device), not a number. */
    public boolean isCoded() {
        return units.isEmpty();
    }

    private static ObservationCode lab(String loinc, String display, Set<String> units) {
        return new ObservationCode(loinc, display, ObservationKind.LAB, units, true);
    }

    private static ObservationCode vital(String loinc, String display, ObservationKind kind, Set<String> units) {
        return new ObservationCode(loinc, display, kind, units, true);
    }
}
