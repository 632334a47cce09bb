package org.toxwatch.ingest.adapter.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.TimePrecision;

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

    /**
     * A time and how precisely it was given.
     *
     * @param precision {@link TimePrecision#DAY}, {@code HOUR} or {@code MINUTE}; null when given to the second or
     *     finer
     * @param field which of the message's times it is
     */
    record Timed(Instant at, @Nullable TimePrecision precision, LocalDate dateAsWritten, Field field) {

        boolean dayOnly() {
            return precision == TimePrecision.DAY;
        }
    }

    /** Where a time was read: OBX-14 (observation) or OBR-7 (order), or another single time field. */
    enum Field {
        OBSERVATION,
        ORDER
    }

    /** Null when blank; a clinical time needs at least the minute, so a date alone is rejected too. */
    @Nullable
    Instant parse(String text) {
        Timed timed = parseTimed(text, Field.OBSERVATION);
        if (timed != null && timed.precision() != null && timed.precision().compareTo(TimePrecision.MINUTE) < 0) {
            throw new IllegalArgumentException(
                    "'" + text.trim() + "' is not an HL7 date/time to the minute (YYYYMMDDHHMM[SS][+/-ZZZZ])");
        }
        return timed == null ? null : timed.at();
    }

    /**
     * Null when blank. A time to the hour or finer is read as ever (the hospital's zone unless an offset is sent);
     * a date alone ({@code YYYYMMDD}, as laboratories send a collection date) is that day's start in UTC with
     * precision {@link TimePrecision#DAY}, so that no consumer mistakes it for midnight local time. A year or a
     * month alone is not a clinical time.
     */
    @Nullable
    Timed parseTimed(String text, Field field) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        Matcher m = DTM.matcher(trimmed);
        if (!m.matches() || m.group(3) == null) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not an HL7 date/time to the day or finer (YYYYMMDD[HH[MM[SS]]][+/-ZZZZ])");
        }
        try {
            var date = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new Timed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), TimePrecision.DAY, date, field);
            }
            TimePrecision precision =
                    m.group(5) == null ? TimePrecision.HOUR : m.group(6) == null ? TimePrecision.MINUTE : null;
            return new Timed(instantOf(m), precision, date, field);
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
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000").substring(0, 4)) * 100_000);
        if (m.group(8) == null) {
            return local.atZone(hospitalZone).toInstant();
        }
        String offset = m.group(8);
        return local.toInstant(ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3)));
    }
}
