package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What every input must be before its meaning is judged, for all three protocols alike: well-formed text
 * (no unpaired UTF-16 surrogate, no bytes that are not valid in the message's encoding), no control
 * characters in identifiers and codes, bounded lengths, numbers that are finite and of sane size, and clinical
 * times after 1900. An input that fails here is malformed, not clinically wrong, and it is refused before any
 * other rule sees it: a downstream JSON writer cannot encode a lone surrogate (issue 12 stopped grading for
 * every patient that way), and a million-digit number costs seconds to parse.
 *
 * <p>Findings never repeat the offending value: it may be megabytes long or not printable.
 */
public final class InputHygiene {

    /** Medical record numbers are short; 64 leaves room for a prefix and an assigning authority. */
    public static final int PATIENT_ID_MAX = 64;
    /** HL7 MSH-10 is 199 characters at most in v2.5.1, but in practice a counter or a UUID: 128 is ample. */
    public static final int MESSAGE_ID_MAX = 128;
    /** The sending application and facility (HL7 MSH-3@MSH-4) or the integration user. */
    public static final int SOURCE_SYSTEM_MAX = 128;
    /** A result's own id is built from several fields (HL7 filler order / code / sub-id). */
    public static final int OBSERVATION_ID_MAX = 256;
    /** LOINC codes, local codes, UCUM units, statuses and enumerated values. */
    public static final int CODE_MAX = 64;
    /** A product or drug name. */
    public static final int NAME_MAX = 256;
    /** A number's text before it is parsed: sign, 20 digits, point, with room to spare. */
    public static final int NUMBER_TEXT_MAX = 32;
    /** Significant digits of a value: more than any analyser reports. */
    public static final int NUMBER_DIGITS_MAX = 20;
    /** Digits after the decimal point. */
    public static final int NUMBER_DECIMALS_MAX = 12;
    /** The largest magnitude accepted (exclusive): above any count per litre. */
    public static final BigDecimal NUMBER_MAGNITUDE_LIMIT = new BigDecimal("1E12");
    /** The earliest clinical time accepted: earlier ones are a default date or a typing error, never care given. */
    public static final Instant EARLIEST_CLINICAL_TIME = Instant.parse("1900-01-01T00:00:00Z");

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private InputHygiene() {}

    /** The findings for one observation: its identifiers, codes, numbers and time. */
    public static List<Violation> observation(ObservationSubmission observation) {
        var found = new ArrayList<Violation>();
        identifier("patientId", observation.patientId(), PATIENT_ID_MAX, found);
        identifier("sourceMessageId", observation.sourceMessageId(), MESSAGE_ID_MAX, found);
        identifier("sourceObservationId", observation.sourceObservationId(), OBSERVATION_ID_MAX, found);
        identifier("loinc", observation.loinc(), CODE_MAX, found);
        identifier("localCode", observation.localCode(), CODE_MAX, found);
        identifier("unit", observation.unit(), CODE_MAX, found);
        identifier("valueCode", observation.valueCode(), CODE_MAX, found);
        identifier("status", observation.status(), CODE_MAX, found);
        observation.abnormalFlags().forEach(flag -> identifier("abnormalFlags", flag, CODE_MAX, found));
        number("value", observation.value(), found);
        number("referenceRange", observation.referenceLow(), found);
        number("referenceRange", observation.referenceHigh(), found);
        time("effectiveTime", observation.effectiveTime(), found);
        return found;
    }

    /** The findings for one therapy event. */
    public static List<Violation> therapyEvent(TherapyEventSubmission event) {
        var found = new ArrayList<Violation>();
        identifier("patientId", event.patientId(), PATIENT_ID_MAX, found);
        identifier("sourceMessageId", event.sourceMessageId(), MESSAGE_ID_MAX, found);
        identifier("type", event.type(), CODE_MAX, found);
        identifier("therapy", event.therapy(), CODE_MAX, found);
        identifier("supportiveDrug", event.supportiveDrug(), CODE_MAX, found);
        identifier("doseUnit", event.doseUnit(), CODE_MAX, found);
        identifier("product", event.product(), NAME_MAX, found);
        number("dose", event.dose(), found);
        time("occurredAt", event.occurredAt(), found);
        return found;
    }

    /** The findings for one neurological assessment. */
    public static List<Violation> neuroAssessment(NeuroAssessmentSubmission assessment) {
        var found = new ArrayList<Violation>();
        identifier("patientId", assessment.patientId(), PATIENT_ID_MAX, found);
        identifier("sourceMessageId", assessment.sourceMessageId(), MESSAGE_ID_MAX, found);
        identifier("consciousness", assessment.consciousness(), CODE_MAX, found);
        identifier("seizure", assessment.seizure(), CODE_MAX, found);
        identifier("motor", assessment.motor(), CODE_MAX, found);
        identifier("icp", assessment.icp(), CODE_MAX, found);
        identifier("status", assessment.status(), CODE_MAX, found);
        time("assessedAt", assessment.assessedAt(), found);
        return found;
    }

    /**
     * The findings for where a message comes from: its sender and its id as a whole (a JSON body's ids joined,
     * a FHIR identifier with its state). The id's length is not limited here: each item's is.
     */
    public static List<Violation> origin(String sourceSystem, @Nullable String messageId) {
        var found = new ArrayList<Violation>();
        identifier("sourceSystem", sourceSystem, SOURCE_SYSTEM_MAX, found);
        identifier("messageId", messageId, Integer.MAX_VALUE, found);
        return found;
    }

    /**
     * An identifier or code: well-formed, no control character, at most {@code max} characters.
     *
     * @return why it is malformed, or empty
     */
    public static Optional<String> identifierProblem(@Nullable String text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > max) {
            return Optional.of("is " + text.length() + " characters long; at most " + max + " are accepted");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate at position " + (i + 1)
                        + ": it is not well-formed Unicode");
            } else if (c == '\uFFFD') {
                // What a lenient decoder leaves of invalid bytes: an identifier carrying it has been altered.
                return Optional.of("contains U+FFFD at position " + (i + 1)
                        + ", the mark of bytes that could not be decoded: it is not the identifier that was sent");
            } else if (c < 0x20 || c == 0x7F) {
                return Optional.of(
                        "contains the control character U+%04X at position %d: identifiers and codes are printable text"
                                .formatted((int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * A number as text, checked before it is parsed so that no one waits for a million digits: plain decimal
     * notation (no exponent, no NaN or Infinity), at most {@value #NUMBER_TEXT_MAX} characters, then the bounds of
     * {@link #numberProblem}.
     */
    public static Optional<String> numberTextProblem(String text) {
        if (text.length() > NUMBER_TEXT_MAX) {
            return Optional.of(
                    "is a number of " + text.length() + " characters; at most " + NUMBER_TEXT_MAX + " are accepted");
        }
        if (!DECIMAL_TEXT.matcher(text).matches()) {
            return Optional.of("is not a decimal number (digits, an optional sign and decimal point)");
        }
        return numberProblem(new BigDecimal(text));
    }

    /** A number already read: finite by construction, checked for size and precision. */
    public static Optional<String> numberProblem(BigDecimal value) {
        if (value.abs().compareTo(NUMBER_MAGNITUDE_LIMIT) >= 0) {
            return Optional.of("is too large: its magnitude must be below " + NUMBER_MAGNITUDE_LIMIT.toPlainString());
        }
        if (value.precision() > NUMBER_DIGITS_MAX) {
            return Optional.of(
                    "has " + value.precision() + " significant digits; at most " + NUMBER_DIGITS_MAX + " are accepted");
        }
        if (value.scale() > NUMBER_DECIMALS_MAX) {
            return Optional.of("has " + value.scale() + " digits after the decimal point; at most "
                    + NUMBER_DECIMALS_MAX + " are accepted");
        }
        return Optional.empty();
    }

    /** A clinical time: not before {@link #EARLIEST_CLINICAL_TIME} (the future is the validators' clock-skew rule). */
    public static Optional<String> timeProblem(Instant time) {
        return time.isBefore(EARLIEST_CLINICAL_TIME)
                ? Optional.of("lies before 1900-01-01: not a clinical time")
                : Optional.empty();
    }

    /** Text decoded strictly: a byte sequence that is not valid in the charset is reported, never replaced. */
    public record Decoded(String text, @Nullable String problem) {}

    /**
     * Decodes a message's bytes. When they are not valid in {@code charset}, {@code problem} says where, and
     * {@code text} is the lenient decoding (for the archive only: never to be processed).
     */
    public static Decoded decode(byte[] bytes, Charset charset) {
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) strict.maxCharsPerByte()) + 1);
        var result = strict.decode(in, out, true);
        if (!result.isError()) {
            result = strict.flush(out);
        }
        if (result.isError()) {
            return new Decoded(
                    new String(bytes, charset),
                    "contains bytes that are not valid " + charset.name() + " at byte " + (in.position() + 1)
                            + ": send the message in " + charset.name());
        }
        out.flip();
        return new Decoded(out.toString(), null);
    }

    /**
     * Text that any JSON or BSON writer can encode: unpaired surrogates become U+FFFD, and at most {@code max}
     * characters are kept (with a note of how many there were). For what is kept of a rejected input.
     */
    public static String storable(String text, int max) {
        String kept = text.length() > max
                ? text.substring(0, max) + "\n[truncated: " + max + " of " + text.length() + " characters kept]"
                : text;
        StringBuilder safe = null;
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < kept.length()
                    && Character.isLowSurrogate(kept.charAt(i + 1));
            if (paired) {
                if (safe != null) {
                    safe.append(c).append(kept.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (safe == null) {
                    safe = new StringBuilder(kept.length()).append(kept, 0, i);
                }
                safe.append('\uFFFD');
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? kept : safe.toString();
    }

    private static void identifier(String field, @Nullable String text, int max, List<Violation> found) {
        identifierProblem(text, max).ifPresent(problem -> found.add(new Violation(field, problem)));
    }

    private static void number(String field, @Nullable BigDecimal value, List<Violation> found) {
        if (value != null) {
            numberProblem(value).ifPresent(problem -> found.add(new Violation(field, problem)));
        }
    }

    private static void time(String field, @Nullable Instant time, List<Violation> found) {
        if (time != null) {
            timeProblem(time).ifPresent(problem -> found.add(new Violation(field, problem)));
        }
    }
}
