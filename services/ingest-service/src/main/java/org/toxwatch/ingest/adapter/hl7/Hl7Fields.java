package org.toxwatch.ingest.adapter.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.InputHygiene;

/** Reads primitive values (unescaped) out of parsed segments; an absent field reads as empty text. */
final class Hl7Fields {

    private Hl7Fields() {}

    static String get(Segment segment, int field, int component) {
        return get(segment, field, 0, component);
    }

    static String get(Segment segment, int field, int repetition, int component) {
        try {
            String value = Terser.get(segment, field, repetition, component, 1);
            return value == null ? "" : value.trim();
        } catch (HL7Exception e) {
            return "";
        }
    }

    static String subcomponent(Segment segment, int field, int repetition, int component, int subcomponent) {
        try {
            String value = Terser.get(segment, field, repetition, component, subcomponent);
            return value == null ? "" : value.trim();
        } catch (HL7Exception e) {
            return "";
        }
    }

    static int repetitions(Segment segment, int field) {
        try {
            return segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    static @Nullable String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /**
     * An NM value, checked as text before it is parsed (a million digits would take seconds).
     *
     * @throws NumberFormatException saying what is wrong, without repeating the value
     */
    static @Nullable BigDecimal decimal(String text) {
        if (text.isEmpty()) {
            return null;
        }
        var problem = InputHygiene.numberTextProblem(text);
        if (problem.isPresent()) {
            throw new NumberFormatException(problem.get());
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }
}
