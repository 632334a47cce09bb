package org.toxwatch.launcher.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated input and how to rebuild it.
 *
 * @param target the HTTP path, or {@code MLLP} for HL7
 * @param sample the valid sample it started from
 * @param sampleSeed the seed of that sample
 * @param mutations what was changed, in order; empty for an unchanged valid sample
 */
public record FuzzInput(
        EntryPoint entryPoint, String target, byte[] body, String sample, long sampleSeed, List<Mutation> mutations) {

    /** The input for a report: entry point, mutations and the start of the body, non-printables escaped. */
    public String describe(int maxBodyCharacters) {
        String text = new String(body, StandardCharsets.UTF_8);
        var shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < maxBodyCharacters; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\uFFFD') {
                shown.append(String.format("\\x{%04x}", (int) c));
            } else {
                shown.append(c);
            }
        }
        String more = shown.length() >= maxBodyCharacters ? "... (" + body.length + " bytes)" : "";
        return entryPoint + " " + target + " sample=" + sample + " seed=" + sampleSeed + " mutations=" + mutations
                + " body=" + shown + more;
    }
}
