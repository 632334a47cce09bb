package org.toxwatch.ingest.adapter.hl7;

import java.util.Set;

/**
 * What ToxWatch reads from MSH before anything else, straight from the text: enough to answer even a
 * message that HAPI cannot parse.
 *
 * @param sender the source system: MSH-3 sending application, with {@code @} MSH-4 facility when sent
 */
record Hl7Header(
        String sendingApplication,
        String sendingFacility,
        String messageType,
        String triggerEvent,
        String controlId,
        String version) {

    /** 2.3 to 2.8: every version an ORU^R01 or RAS^O17 ToxWatch reads is sent in today, read into v2.5.1. */
    static final Set<String> SUPPORTED_VERSIONS =
            Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2");

    private static final Hl7Header UNREADABLE = new Hl7Header("", "", "", "", "", "2.5.1");

    /** Reads MSH from the raw message; fields that are missing come back empty. */
    static Hl7Header read(String message) {
        if (!message.startsWith("MSH") || message.length() < 8) {
            return UNREADABLE;
        }
        char field = message.charAt(3);
        char component = message.charAt(4);
        int end = message.indexOf('\r');
        String msh = end < 0 ? message : message.substring(0, end);
        String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
        // fields[0] is "MSH", fields[1] the encoding characters (MSH-2): MSH-n is fields[n - 1].
        String type = at(fields, 9);
        String[] typeParts = type.split(java.util.regex.Pattern.quote(String.valueOf(component)), -1);
        return new Hl7Header(
                first(at(fields, 3), component),
                first(at(fields, 4), component),
                typeParts.length > 0 ? typeParts[0] : "",
                typeParts.length > 1 ? typeParts[1] : "",
                at(fields, 10),
                first(at(fields, 12), component));
    }

    String sender() {
        return sendingFacility.isEmpty() ? sendingApplication : sendingApplication + "@" + sendingFacility;
    }

    boolean versionSupported() {
        return SUPPORTED_VERSIONS.contains(version);
    }

    /** The ACK speaks the sender's version when ToxWatch supports it. */
    String versionForAnswer() {
        return versionSupported() ? version : "2.5.1";
    }

    private static String at(String[] fields, int mshField) {
        int index = mshField - 1;
        return index < fields.length ? fields[index].trim() : "";
    }

    private static String first(String field, char component) {
        int at = field.indexOf(component);
        return at < 0 ? field : field.substring(0, at);
    }
}
