package org.toxwatch.ingest.adapter.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HL7 v2 DTM/TS values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) as instants. A time without an
 * offset is the hospital's local time (CRITERIA.md 1.5), never the server's.
 */
final class Hl7Timestamps {

    private static final Pattern DTM =
            Pattern.compile("(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private final ZoneId hospitalZone;

    Hl7Timestamps(ZoneId hospitalZone) {
        this.hospitalZone = hospitalZone;
    }

    /** Null when blank; a clinical time needs at least the minute, so a date alone is rejected too. */
    @Nullable
    Instant parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        Matcher m = DTM.matcher(trimmed);
        if (!m.matches() || m.group(5) == null) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not an HL7 date/time to the minute (YYYYMMDDHHMM[SS][+/-ZZZZ])");
        }
        try {
            return instantOf(m);
        } catch (DateTimeException e) {
            // A month 13 or an offset of +2500 is the sender's error: named as such, never an internal error.
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid date/time: " + e.getMessage());
        }
    }

    private Instant instantOf(Matcher m) {
        var local = LocalDateTime.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000").substring(0, 4)) * 100_000);
        if (m.group(8) == null) {
            return local.atZone(hospitalZone).toInstant();
        }
        String offset = m.group(8);
        return local.toInstant(ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3)));
    }
}
