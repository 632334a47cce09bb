package org.toxwatch.alerting.console.adapter.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.TherapyContext;

/**
 * What the clinicians read instead of the wire's codes: UCUM units as a ward writes them ({@code 10*9/L} is
 * {@code × 10⁹/L}, {@code Cel} is {@code °C}), a threshold's {@code v} as the analyte it stands for ("ANC &lt; 0.5 ×
 * 10⁹/L"), enum constants as words ("nasal cannula 8 L/min") and the therapy day as the team counts it ("CAR-T
 * day +5"). The codes themselves stay in the API beside these texts.
 */
final class ClinicalWording {

    private static final Map<Criterion, String> ANALYTE = Map.ofEntries(
            Map.entry(Criterion.NEUTROPHIL_COUNT_DECREASED, "ANC"),
            Map.entry(Criterion.PLATELET_COUNT_DECREASED, "platelets"),
            Map.entry(Criterion.WHITE_BLOOD_CELL_DECREASED, "WBC"),
            Map.entry(Criterion.LYMPHOCYTE_COUNT_DECREASED, "lymphocytes"),
            Map.entry(Criterion.ANEMIA, "Hb"),
            Map.entry(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, "ALT"),
            Map.entry(Criterion.ASPARTATE_AMINOTRANSFERASE_INCREASED, "AST"),
            Map.entry(Criterion.ALKALINE_PHOSPHATASE_INCREASED, "ALP"),
            Map.entry(Criterion.GGT_INCREASED, "GGT"),
            Map.entry(Criterion.BLOOD_BILIRUBIN_INCREASED, "bilirubin"),
            Map.entry(Criterion.CREATININE_INCREASED, "creatinine"),
            Map.entry(Criterion.HYPERKALEMIA, "potassium"),
            Map.entry(Criterion.HYPOKALEMIA, "potassium"),
            Map.entry(Criterion.HYPERURICEMIA, "uric acid"),
            Map.entry(Criterion.HYPOCALCEMIA_CORRECTED, "corrected calcium"),
            Map.entry(Criterion.HYPOCALCEMIA_IONIZED, "ionized calcium"),
            Map.entry(Criterion.BLOOD_LACTATE_DEHYDROGENASE_INCREASED, "LDH"),
            Map.entry(Criterion.FIBRINOGEN_DECREASED, "fibrinogen"));

    private static final Map<OxygenDevice, String> DEVICE = Map.of(
            OxygenDevice.NONE, "room air",
            OxygenDevice.NASAL_CANNULA, "nasal cannula",
            OxygenDevice.BLOW_BY, "blow-by oxygen",
            OxygenDevice.HIGH_FLOW_NASAL_CANNULA, "high-flow nasal cannula",
            OxygenDevice.SIMPLE_FACE_MASK, "simple face mask",
            OxygenDevice.NON_REBREATHER, "non-rebreather mask",
            OxygenDevice.VENTURI_MASK, "Venturi mask",
            OxygenDevice.CPAP, "CPAP",
            OxygenDevice.BIPAP, "BiPAP",
            OxygenDevice.MECHANICAL_VENTILATION, "mechanical ventilation");

    /** The oxygen-delivery LOINC monitoring names its oxygen evidence with. */
    private static final String OXYGEN_DELIVERY = "107117-4";

    private static final String OXYGEN_DISPLAY_PREFIX = "Oxygen delivery: ";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern POWER_OF_TEN = Pattern.compile("10\\*(-?\\d+)");
    private static final Pattern NUMBER_THEN_POWER_OF_TEN = Pattern.compile("(\\d) (10\\*-?\\d+)");
    private static final Pattern MICRO = Pattern.compile("(?<![A-Za-z])u(?=(?:mol|g|L|IU)\\b)");
    private static final Pattern VALUE = Pattern.compile("\\bv\\b");
    private static final Pattern TIMES_LIMIT = Pattern.compile("(\\d) x (?=[A-Z])");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern LOWER_CASE_TERM = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]{4,}\\b");
    private static final Set<String> ONE_WORD_CONSTANTS = Stream.concat(
                    Arrays.stream(SupportiveDrug.values()).map(Enum::name),
                    Arrays.stream(ClinicalFinding.values()).map(Enum::name))
            .filter(name -> !name.contains("_"))
            .collect(Collectors.toUnmodifiableSet());

    /** A UCUM unit as written on a ward: {@code 10*9/L} → {@code 10⁹/L}, {@code umol/L} → {@code µmol/L}. */
    static String unit(@Nullable String ucum) {
        if (ucum == null || ucum.isBlank()) {
            return "";
        }
        String unit = ucum.replace("mm[Hg]", "mmHg")
                .replace("[degF]", "°F")
                .replaceAll("\\bCel\\b", "°C")
                .replaceAll("\\{[^}]*}", "");
        unit = MICRO.matcher(unit).replaceAll("µ");
        return POWER_OF_TEN.matcher(unit).replaceAll(match -> "10" + superscript(match.group(1)));
    }

    /** A value with its unit: {@code 0.4 × 10⁹/L}, {@code 38.6 °C}, {@code 8 L/min}; "—" without a value. */
    static String quantity(@Nullable BigDecimal value, @Nullable String ucum) {
        if (value == null) {
            return "—";
        }
        String unit = unit(ucum);
        if (unit.isEmpty()) {
            return value.toPlainString();
        }
        return value.toPlainString() + (unit.startsWith("10") ? " × " : " ") + unit;
    }

    /** A reference range with its unit, e.g. {@code 1.8–7.7 × 10⁹/L}, {@code ≤ 40 U/L}; "—" without one. */
    static String range(@Nullable ReferenceRange range, @Nullable String ucum) {
        if (range == null || (range.low() == null && range.high() == null)) {
            return "—";
        }
        String bounds;
        if (range.low() != null && range.high() != null) {
            bounds = range.low().toPlainString() + "–" + range.high().toPlainString();
        } else if (range.high() != null) {
            bounds = "≤ " + range.high().toPlainString();
        } else {
            bounds = "≥ " + range.low().toPlainString();
        }
        String unit = unit(ucum);
        return unit.isEmpty() ? bounds : bounds + (unit.startsWith("10") ? " × " : " ") + unit;
    }

    /**
     * A criteria-table condition for {@code criterion} in clinical words: {@code v < 0.5 10*9/L} of a neutrophil
     * count reads {@code ANC < 0.5 × 10⁹/L}, {@code 25.0 <= v < 50.0 10*9/L} of platelets {@code 25.0 ≤ platelets <
     * 50.0 × 10⁹/L}, {@code v > 3.0 x ULN} of ALT {@code ALT > 3.0 × ULN}.
     */
    static String condition(Criterion criterion, String condition) {
        String named = VALUE.matcher(condition).replaceAll(Matcher.quoteReplacement(analyte(criterion)));
        return text(named);
    }

    /** Free text from the grading (a summary, a condition) with its units, comparisons and codes in words. */
    static String text(String text) {
        String worded = NUMBER_THEN_POWER_OF_TEN.matcher(text).replaceAll("$1 × $2");
        worded = worded.replace("<=", "≤").replace(">=", "≥");
        worded = TIMES_LIMIT.matcher(worded).replaceAll("$1 × ");
        worded = worded.replace("mm[Hg]", "mmHg").replace("[degF]", "°F").replaceAll("\\bCel\\b", "°C");
        worded = MICRO.matcher(worded).replaceAll("µ");
        worded = POWER_OF_TEN.matcher(worded).replaceAll(match -> "10" + superscript(match.group(1)));
        worded = CONSTANT.matcher(worded).replaceAll(match -> words(match.group()));
        return WORD.matcher(worded)
                .replaceAll(match -> ONE_WORD_CONSTANTS.contains(match.group()) ? words(match.group()) : match.group());
    }

    /**
     * Why the alert has its priority, in words: {@code cytokine_release_syndrome grade >= 2 -> high} reads {@code
     * cytokine release syndrome grade ≥ 2 → high}.
     */
    static String priorityReason(String reason) {
        return LOWER_CASE_TERM
                .matcher(text(reason).replace("->", "→"))
                .replaceAll(match -> match.group().replace('_', ' '));
    }

    /** What the observation was, e.g. "Oxygen" or "Neutrophils [#/volume] in Blood", with no codes showing. */
    static String name(Evidence evidence) {
        if (OXYGEN_DELIVERY.equals(evidence.code()) && evidence.display().startsWith(OXYGEN_DISPLAY_PREFIX)) {
            return "Oxygen";
        }
        return text(evidence.display());
    }

    /**
     * The observation's value as read at the bedside: {@code 0.4 × 10⁹/L}, {@code nasal cannula 8 L/min}, and,
     * where the laboratory reported in another unit, both ({@code 2.1 mg/dL (= 35.9 µmol/L)}).
     */
    static String reading(Evidence evidence) {
        if (OXYGEN_DELIVERY.equals(evidence.code()) && evidence.display().startsWith(OXYGEN_DISPLAY_PREFIX)) {
            String device = evidence.display().substring(OXYGEN_DISPLAY_PREFIX.length());
            String support = oxygenDevice(device);
            return evidence.value() == null
                    ? support + (device.equals(OxygenDevice.NASAL_CANNULA.name()) ? ", no flow recorded" : "")
                    : support + " " + quantity(evidence.value(), evidence.unit());
        }
        if (evidence.value() == null) {
            return "—";
        }
        String reported = quantity(evidence.value(), evidence.unit());
        if (evidence.canonicalValue() == null
                || evidence.canonicalUnit() == null
                || evidence.canonicalUnit().equals(evidence.unit())) {
            return reported;
        }
        return reported + " (= " + quantity(evidence.canonicalValue(), evidence.canonicalUnit()) + ")";
    }

    /**
     * The therapy and its day as the team counts it: CAR-T from the infusion ("CAR-T day +5", day 0 the infusion
     * date, CRITERIA.md 1.5); BLINCYTO and BESPONSA from the first infusion as day 1 ("BLINCYTO D3", T0 is cycle
     * 1 day 1, CRITERIA.md 1.4). The cycle is not stated: the assessment does not carry it, and a day count from
     * T0 cannot tell a cycle apart from an interruption.
     */
    static @Nullable String therapyDay(@Nullable TherapyContext therapy) {
        if (therapy == null) {
            return null;
        }
        return switch (therapy.therapy()) {
            case CAR_T ->
                therapy.daySinceInfusion() != null
                        ? "CAR-T day " + signed(therapy.daySinceInfusion())
                        : therapy.dayOfTherapy() != null
                                ? "CAR-T, day " + therapy.dayOfTherapy() + " after lymphodepletion, not yet infused"
                                : "CAR-T";
            case BLINATUMOMAB -> "BLINCYTO" + countedFromOne(therapy.dayOfTherapy());
            case INOTUZUMAB_OZOGAMICIN -> "BESPONSA" + countedFromOne(therapy.dayOfTherapy());
        };
    }

    private static String countedFromOne(@Nullable Integer dayOfTherapy) {
        return dayOfTherapy == null || dayOfTherapy < 0 ? "" : " D" + (dayOfTherapy + 1);
    }

    private static String signed(int day) {
        return day > 0 ? "+" + day : day < 0 ? "−" + (-day) : "0";
    }

    private static String analyte(Criterion criterion) {
        return ANALYTE.getOrDefault(criterion, "value");
    }

    private static String oxygenDevice(String constant) {
        try {
            return DEVICE.get(OxygenDevice.valueOf(constant));
        } catch (IllegalArgumentException unknown) {
            return words(constant);
        }
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String superscript(String digits) {
        var written = new StringBuilder();
        for (char c : digits.toCharArray()) {
            written.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
        }
        return written.toString();
    }

    private ClinicalWording() {}
}
