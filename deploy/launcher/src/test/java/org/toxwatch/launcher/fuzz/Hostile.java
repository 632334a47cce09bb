package org.toxwatch.launcher.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The hostile values QA met: strings with lone surrogates, control characters, invalid UTF-8 and absurd
 * lengths; numbers beyond double, with a million digits or not numbers at all; times at year 1 or 275760.
 * Texts are Java strings; {@link #INVALID_UTF8} marks where {@link #encode} puts bytes that are not UTF-8.
 */
public final class Hostile {

    /** A private-use character {@link #encode} replaces by an invalid UTF-8 byte sequence. */
    public static final char INVALID_UTF8 = '\uE000';

    private static final List<byte[]> INVALID_SEQUENCES = List.of(
            new byte[] {(byte) 0xC3, 0x28}, // a two-byte lead followed by ASCII
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a lone surrogate as CESU-8
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82}); // cut off

    private static final List<String> TEXTS = List.of(
            "SE\uD800C",
            "\uDC00tail",
            "end\uD83D",
            "a\u0000b",
            "line\rbreak",
            "line\nbreak",
            "tab\tand\u0001\u0002\u001F",
            "bell\u0007",
            "del\u007F",
            "\u0085next-line",
            "\u2028separator",
            "\u202Eevil-rtl",
            "zero\u200Bwidth",
            "\uFEFFbom",
            "\uFFFE\uFFFF",
            "emoji-\uD83D\uDE00",
            "bad" + INVALID_UTF8 + "utf8",
            INVALID_UTF8 + "",
            "",
            " ",
            "   padded   ",
            "null",
            "undefined",
            "'; DROP TABLE patients; --",
            "{\"$gt\":\"\"}",
            "$where",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "%00%0d%0a",
            "\\u0000",
            "|^~\\&",
            "MRN-\u0661\u0662\u0663",
            "I\u0307stanbul",
            "x".repeat(257),
            "y".repeat(4_097));

    private static final List<String> NUMBERS = List.of(
            "1e309",
            "-1e309",
            "1e-400",
            "1E+2147483648",
            "0.3e0",
            "-0",
            "-0.0",
            "0",
            "-1",
            "3.4028235e39",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0." + "0".repeat(400) + "1",
            "9".repeat(1_000),
            "1".repeat(20),
            "9223372036854775808",
            "-9223372036854775809",
            "4.9e-324",
            "0.30000000000000004",
            "1e2",
            "2e-3");

    private static final List<String> NOT_NUMBERS = List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "1,5",
            "0x1F",
            "1e",
            "--3",
            "+3",
            ".5",
            "5.",
            "1 000",
            "\u0663",
            "0.3\u0000",
            "");

    private static final List<String> TIMES = List.of(
            "0001-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+275760-09-13T00:00:00Z",
            "-000001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-20T25:00:00Z",
            "2026-11-20T07:45:00+25:00",
            "2026-11-20T07:45:00+14:01",
            "2026-11-20T07:45:00.123456789123Z",
            "2026-11-20",
            "2026-11",
            "2026",
            "20261120074500",
            "yesterday",
            "",
            "2126-11-20T07:45:00Z");

    private static final List<String> HL7_TIMES = List.of(
            "00010101",
            "00000000",
            "99991231235959",
            "20261301",
            "20260230",
            "202611202500",
            "20261120074500+2500",
            "20261120074500-9999",
            "20261120074500.123456789",
            "2026",
            "2",
            "0",
            "x",
            "21261120",
            "19700101000000");

    private Hostile() {}

    public static String text(Random random) {
        return pick(random, TEXTS);
    }

    /** A numeric token as a sender might write it in JSON (never quoted). */
    public static String number(Random random) {
        return pick(random, NUMBERS);
    }

    /** A value a lab system might put where a number belongs, numeric or not. */
    public static String numberText(Random random) {
        return random.nextBoolean() ? pick(random, NUMBERS) : pick(random, NOT_NUMBERS);
    }

    public static String isoTime(Random random) {
        return pick(random, TIMES);
    }

    public static String hl7Time(Random random) {
        return pick(random, HL7_TIMES);
    }

    /** How many huge values {@link #huge} knows. */
    public static final int HUGE_SHAPES = 4;

    /**
     * One of the few huge values, the one {@link #hugeShape} reads from {@code seed}: sent rarely, they show
     * whether limits apply before the parsing.
     */
    public static String huge(long seed) {
        return switch (hugeShape(seed, HUGE_SHAPES)) {
            case 0 -> "9".repeat(1_048_000);
            case 1 -> "P".repeat(5 * 1024 * 1024);
            case 2 -> "0." + "3".repeat(200_000);
            default -> "Z".repeat(1024 * 1024 - 200 + new Random(seed).nextInt(400));
        };
    }

    /** Which of {@code shapes} huge values a huge mutation's seed stands for: its low byte decides. */
    public static int hugeShape(long seed, int shapes) {
        return (int) (seed & 0xFF) % shapes;
    }

    /** {@code seed} changed so that {@link #hugeShape} reads {@code shape} from it. */
    static long withHugeShape(long seed, int shape) {
        return (seed & ~0xFFL) | (shape & 0xFF);
    }

    /** UTF-8, except that every {@link #INVALID_UTF8} becomes a byte sequence no UTF-8 decoder accepts. */
    public static byte[] encode(String text, Random random) {
        if (text.indexOf(INVALID_UTF8) < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        var bytes = new ByteArrayOutputStream(text.length() + 16);
        int from = 0;
        for (int at = text.indexOf(INVALID_UTF8); at >= 0; at = text.indexOf(INVALID_UTF8, from)) {
            bytes.writeBytes(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(pick(random, INVALID_SEQUENCES));
            from = at + 1;
        }
        bytes.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
