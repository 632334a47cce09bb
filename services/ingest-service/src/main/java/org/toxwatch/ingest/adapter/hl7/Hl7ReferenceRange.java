package org.toxwatch.ingest.adapter.hl7;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ReportedUnits;

/**
 * OBX-7 in the forms laboratories write it: {@code 1.8-7.7}, {@code 13 - 18}, {@code 13 to 18}, {@code <10},
 * {@code <=5}, {@code >60}, {@code >=60}, each with or without a trailing unit ({@code <10 ug/dl}). Text without
 * a number ({@code Negative}, {@code See comment}) is a range only a person can read: no limits, and no error.
 * Text with numbers in none of these forms ({@code M 13-17, F 12-16}) is a problem to report, since a limit
 * misread could change a grade that is a multiple of it.
 *
 * @param unit the unit written after the numbers, or null
 * @param problem why the text was not read, or null
 */
record Hl7ReferenceRange(
        @Nullable BigDecimal low,
        @Nullable BigDecimal high,
        @Nullable String unit,
        @Nullable String problem) {

    private static final String NUMBER = "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))";
    private static final Pattern ONE_SIDED = Pattern.compile("(<=|>=|<|>|≤|≥)\\s*" + NUMBER + "(.*)");
    private static final Pattern TWO_SIDED =
            Pattern.compile(NUMBER + "\\s*(?:-|–|\\s(?:to|TO|To)\\s)\\s*" + NUMBER + "(.*)");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private static final Hl7ReferenceRange NONE = new Hl7ReferenceRange(null, null, null, null);

    static Hl7ReferenceRange read(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !DIGIT.matcher(trimmed).find()) {
            return NONE;
        }
        Matcher two = TWO_SIDED.matcher(trimmed);
        if (two.matches()) {
            return limits(two.group(1), two.group(2), two.group(3));
        }
        Matcher one = ONE_SIDED.matcher(trimmed);
        if (one.matches()) {
            boolean upper = one.group(1).startsWith("<") || one.group(1).equals("≤");
            return upper ? limits(null, one.group(2), one.group(3)) : limits(one.group(2), null, one.group(3));
        }
        return problem("is not one of a-b, a - b, a to b, <b, <=b, >a, >=a (each with or without a unit)");
    }

    private static Hl7ReferenceRange limits(@Nullable String low, @Nullable String high, String rest) {
        String unit = rest.trim();
        if (!unit.isEmpty()
                && (!rest.startsWith(" ") && Character.isDigit(unit.charAt(0))
                        || "-+.,;:<>=".indexOf(unit.charAt(0)) >= 0)) {
            return problem("is not one of a-b, a - b, a to b, <b, <=b, >a, >=a (each with or without a unit)");
        }
        try {
            return new Hl7ReferenceRange(
                    low == null ? null : Hl7Fields.decimal(low),
                    high == null ? null : Hl7Fields.decimal(high),
                    unit.isEmpty() ? null : unit,
                    null);
        } catch (NumberFormatException e) {
            return problem("has a limit that " + e.getMessage());
        }
    }

    private static Hl7ReferenceRange problem(String problem) {
        return new Hl7ReferenceRange(null, null, null, "reference range " + problem);
    }

    /** Whether the range names a unit that is not the result's (spelling and case aside): its limits are not. */
    boolean unitDiffersFrom(@Nullable String resultUnit) {
        if (unit == null || resultUnit == null || resultUnit.isBlank()) {
            return false;
        }
        return !unit.equalsIgnoreCase(resultUnit.trim())
                && !Objects.equals(ReportedUnits.ucumOf(unit), ReportedUnits.ucumOf(resultUnit));
    }
}
