package org.toxwatch.monitoring.adapter.streams;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Instants written and read exactly as Jackson writes and reads them ({@link Instant#toString()}, ISO-8601 in UTC),
 * without its general date-time formatter: every stored patient state holds a few hundred instants, and formatting
 * and parsing them was a third of the cost of (de)serializing a state; every input event holds two or three. The
 * bytes written do not change (stored format v1). Text of any other shape (a year beyond 9999, a leap second, an
 * offset, a number) is left to Jackson's own deserializer, so whatever it read is read the same way.
 */
final class IsoInstants {

    private static final int[] TENS = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ssZ} */
    private static final int SHORTEST = 20;
    /** With nine decimals of a second. */
    private static final int LONGEST = 30;

    private IsoInstants() {}

    /** Writing and reading, for the stored patient state (Smile, whose mapper this adapter configures). */
    static SimpleModule module() {
        return new SimpleModule("iso-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** Reading only, for the topics: what the application's JSON mapper writes stays its own. */
    static SimpleModule readerModule() {
        return new SimpleModule("iso-instants-reader").addDeserializer(Instant.class, new Reader());
    }

    /** The text {@link Instant#toString()} gives, for years 0 to 9999; absent for others. */
    static @Nullable String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (day < LocalDate.of(0, 1, 1).toEpochDay()
                || day > LocalDate.of(9999, 12, 31).toEpochDay()) {
            return null;
        }
        var time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        var text = new char[LONGEST];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos > 0) {
            // as many decimals as needed, in groups of three
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                length = digits(text, length, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                length = digits(text, length, nanos / 1_000, 6);
            } else {
                length = digits(text, length, nanos, 9);
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length);
    }

    /** The instant {@code text} in {@link Instant#toString()}'s shape names; absent for text of any other shape. */
    static @Nullable Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST
                || length > LONGEST
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = 0;
        if (length > SHORTEST) {
            int decimals = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || decimals < 1) {
                return null;
            }
            int fraction = number(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * TENS[decimals - 1];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        if (second < 0 || second > 59) {
            return null; // a leap second (60) is Jackson's to resolve
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** Writes {@code value} as {@code width} digits at {@code at}; returns the index after them. */
    private static int digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }

    /** The decimal number of {@code text[from, to)}, or -1 when it is not all ASCII digits. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context)
                throws JacksonException {
            var text = format(value);
            generator.writeString(text == null ? value.toString() : text);
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                var parsed = parse(parser.getString());
                if (parsed != null) {
                    return parsed;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
