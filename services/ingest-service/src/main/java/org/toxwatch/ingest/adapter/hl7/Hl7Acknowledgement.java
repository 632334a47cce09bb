package org.toxwatch.ingest.adapter.hl7;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Original-mode acknowledgements: AA once every event derived from the message is stored, AE with one ERR
 * segment per problem for content errors, AR when the message cannot be processed as such (unsupported type
 * or version) or not now (Kafka unavailable: the sender keeps the message and retries). An AA may carry ERR
 * segments of severity W: details left out of an accepted message (an unreadable birth date). Each ERR carries
 * both the v2.3-style ERR-1 and the v2.5 ERR-2/3/4/8 so every sender version can read it.
 */
final class Hl7Acknowledgement {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    enum Code {
        AA,
        AE,
        AR
    }

    private Hl7Acknowledgement() {}

    static String of(Hl7Header header, Code code, String text, List<Hl7Error> errors) {
        var ack = new StringBuilder(256);
        ack.append("MSH|^~\\&|TOXWATCH|TOXWATCH|")
                .append(escape(header.sendingApplication()))
                .append('|')
                .append(escape(header.sendingFacility()))
                .append('|')
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP))
                .append("||ACK^")
                .append(escape(header.triggerEvent()))
                .append("^ACK|")
                .append(UUID.randomUUID().toString().replace("-", "").substring(0, 20))
                .append("|P|")
                .append(escape(header.versionForAnswer()))
                .append('\r');
        ack.append("MSA|")
                .append(code)
                .append('|')
                .append(escape(header.controlId()))
                .append('|')
                .append(escape(truncate(text, 80)))
                .append('\r');
        for (Hl7Error error : errors) {
            String[] location = (error.location() + "^^").split("\\^", -1);
            String element = escapeComponent(error.code() + "&" + Hl7Error.nameOf(error.code()) + "&HL70357");
            ack.append("ERR|")
                    .append(escape(location[0]))
                    .append('^')
                    .append(escape(location[1]))
                    .append('^')
                    .append(escape(location[2]))
                    .append('^')
                    .append(element)
                    .append('|')
                    .append(escape(location[0]))
                    .append('^')
                    .append(escape(location[1]))
                    .append(location[2].isEmpty() ? "" : "^" + escape(location[2]))
                    .append('|')
                    .append(error.code())
                    .append('^')
                    .append(escape(Hl7Error.nameOf(error.code())))
                    .append("^HL70357|")
                    .append(code == Code.AR ? "F" : code == Code.AA ? "W" : "E")
                    .append("||||")
                    .append(escape(error.text()))
                    .append('\r');
        }
        return ack.toString();
    }

    /** HL7 escape sequences for the standard delimiters, so free text never breaks the ACK's structure. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\E\\");
                case '|' -> escaped.append("\\F\\");
                case '^' -> escaped.append("\\S\\");
                case '&' -> escaped.append("\\T\\");
                case '~' -> escaped.append("\\R\\");
                case '\r', '\n' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String escapeComponent(String subcomponents) {
        return String.join(
                "&",
                List.of(subcomponents.split("&", -1)).stream()
                        .map(Hl7Acknowledgement::escape)
                        .toList());
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
