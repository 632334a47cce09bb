package org.toxwatch.ingest.domain;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.UnitSynonyms;

/**
 * The UCUM unit a sender means by the unit it wrote: the shared synonym table first ({@code K/uL},
 * {@code mEq/L}, {@code °F}), then UCUM's own rule that an annotation in curly braces carries no meaning
 * ({@code 10*3{cells}/uL} is {@code 10*3/uL}; an annotation standing alone, {@code {cells}}, is the unit 1).
 * It only renames: whether the unit suits the analyte is the validator's question.
 */
public final class ReportedUnits {

    private static final Pattern ANNOTATION = Pattern.compile("\\{[^{}]*}");

    private ReportedUnits() {}

    /** The UCUM spelling of {@code reported}, trimmed; null stays null. */
    public static @Nullable String ucumOf(@Nullable String reported) {
        if (reported == null) {
            return null;
        }
        String trimmed = reported.trim();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        return UnitSynonyms.ucumOf(trimmed).orElseGet(() -> withoutAnnotations(trimmed));
    }

    private static String withoutAnnotations(String unit) {
        if (unit.indexOf('{') < 0) {
            return unit;
        }
        String stripped = ANNOTATION.matcher(unit).replaceAll("");
        if (stripped.isEmpty()) {
            return "1";
        }
        // "{cells}/uL" leaves "/uL" (valid UCUM); "mg/{total}" would leave "mg/", whose divisor is the unit 1.
        return stripped.endsWith("/") || stripped.endsWith(".") ? stripped + "1" : stripped;
    }
}
