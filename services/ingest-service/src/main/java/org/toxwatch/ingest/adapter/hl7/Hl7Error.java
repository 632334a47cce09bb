package org.toxwatch.ingest.adapter.hl7;

import java.util.Locale;
import org.toxwatch.ingest.domain.Violation;

/**
 * One ERR segment's worth: where (an HL7 location such as {@code OBX^3^5}), the HL7 table 0357 error code,
 * and text an interface analyst can act on.
 */
record Hl7Error(String location, int code, String text) {

    static final int SEGMENT_SEQUENCE_ERROR = 100;
    static final int REQUIRED_FIELD_MISSING = 101;
    static final int DATA_TYPE_ERROR = 102;
    static final int TABLE_VALUE_NOT_FOUND = 103;
    static final int UNSUPPORTED_MESSAGE_TYPE = 200;
    static final int UNSUPPORTED_EVENT_CODE = 201;
    static final int UNSUPPORTED_VERSION_ID = 203;
    static final int APPLICATION_RECORD_LOCKED = 206;
    static final int APPLICATION_INTERNAL_ERROR = 207;

    /** A violation whose field already names an HL7 location (the mappers place them). */
    static Hl7Error of(Violation violation) {
        return new Hl7Error(violation.field(), codeOf(violation), violation.message());
    }

    static String nameOf(int code) {
        return switch (code) {
            case SEGMENT_SEQUENCE_ERROR -> "Segment sequence error";
            case REQUIRED_FIELD_MISSING -> "Required field missing";
            case DATA_TYPE_ERROR -> "Data type error";
            case TABLE_VALUE_NOT_FOUND -> "Table value not found";
            case UNSUPPORTED_MESSAGE_TYPE -> "Unsupported message type";
            case UNSUPPORTED_EVENT_CODE -> "Unsupported event code";
            case UNSUPPORTED_VERSION_ID -> "Unsupported version id";
            case APPLICATION_RECORD_LOCKED -> "Application record locked";
            default -> "Application internal error";
        };
    }

    /** Coded fields whose value must come from a table: the observation code, units, result status, the drug. */
    private static final java.util.Set<String> CODED_FIELDS = java.util.Set.of("OBX-3", "OBX-6", "OBX-11", "RXA-5");

    private static int codeOf(Violation violation) {
        String message = violation.message().toLowerCase(Locale.ROOT);
        if (message.startsWith("is required")) {
            return REQUIRED_FIELD_MISSING;
        }
        String[] location = violation.field().split("\\^");
        String field = location.length >= 3 ? location[0] + "-" + location[2] : location[0];
        if (CODED_FIELDS.contains(field) || message.contains("not a known")) {
            return TABLE_VALUE_NOT_FOUND;
        }
        return DATA_TYPE_ERROR;
    }
}
