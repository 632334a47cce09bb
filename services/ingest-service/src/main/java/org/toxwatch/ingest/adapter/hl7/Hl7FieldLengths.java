package org.toxwatch.ingest.adapter.hl7;

import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.InputHygiene;

/**
 * Field lengths checked on the raw text before HAPI parses it, in one pass: parsing a field of a million
 * characters, or reading a number of a million digits, costs seconds, and a sender could keep the listener busy
 * that way. A numeric result (OBX-2 {@code NM} or {@code SN}) over {@link #NUMERIC_RESULT_MAX} characters is refused
 * here (a shorter one is held to {@link InputHygiene#NUMBER_TEXT_MAX} as it is read, where escapes and repetitions
 * are known), every other field over {@link #FIELD_MAX} characters, above the longest field of any message
 * ToxWatch reads.
 */
final class Hl7FieldLengths {

    static final int FIELD_MAX = 65_536;
    /** Room for a structured numeric (comparator, two numbers, separator) and repetitions; no reading needs more. */
    static final int NUMERIC_RESULT_MAX = 1_024;

    private Hl7FieldLengths() {}

    /** The first field over its limit, as an error naming where it is and how long; never its content. */
    static @Nullable Hl7Error firstTooLong(String raw) {
        if (raw.length() < 4) {
            return null;
        }
        char separator = raw.charAt(3);
        var repetitions = new HashMap<String, Integer>();
        int segmentStart = 0;
        while (segmentStart < raw.length()) {
            int segmentEnd = segmentEnd(raw, segmentStart);
            if (segmentEnd - segmentStart >= 3) {
                String name = raw.substring(segmentStart, segmentStart + 3);
                int repetition = repetitions.merge(name, 1, Integer::sum);
                Hl7Error error = tooLongIn(raw, segmentStart, segmentEnd, separator, name, repetition);
                if (error != null) {
                    return error;
                }
            }
            segmentStart = segmentEnd + 1;
        }
        return null;
    }

    private static @Nullable Hl7Error tooLongIn(
            String raw, int start, int end, char separator, String name, int repetition) {
        // MSH-1 is the separator itself: the first text after it is MSH-2.
        int field = name.equals("MSH") ? 2 : 1;
        boolean numericResult = false;
        int fieldStart = start + 3;
        while (fieldStart < end) {
            int fieldEnd = raw.indexOf(separator, fieldStart + 1);
            if (fieldEnd < 0 || fieldEnd > end) {
                fieldEnd = end;
            }
            int length = fieldEnd - fieldStart - 1;
            if (field == 2 && name.equals("OBX")) {
                String type = raw.substring(fieldStart + 1, fieldEnd).strip();
                numericResult = type.equals("NM") || type.equals("SN");
            }
            String location = name + "^" + repetition + "^" + field;
            if (field == 5 && numericResult && name.equals("OBX") && length > NUMERIC_RESULT_MAX) {
                return new Hl7Error(
                        location,
                        Hl7Error.DATA_TYPE_ERROR,
                        // As the value's own check words it once parsed: the number is what was too long.
                        "is a number of " + length + " characters; at most " + InputHygiene.NUMBER_TEXT_MAX
                                + " are accepted");
            }
            if (length > FIELD_MAX) {
                return new Hl7Error(
                        location,
                        Hl7Error.DATA_TYPE_ERROR,
                        "is " + length + " characters long; fields over " + FIELD_MAX
                                + " characters are refused before parsing");
            }
            field++;
            fieldStart = fieldEnd;
        }
        return null;
    }

    private static int segmentEnd(String raw, int from) {
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return raw.length();
    }
}
