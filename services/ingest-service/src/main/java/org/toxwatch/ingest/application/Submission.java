package org.toxwatch.ingest.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Where a submission came from, kept with every event and every reject.
 *
 * @param protocol {@code JSON}, {@code FHIR} or {@code HL7V2}
 * @param sourceSystem the sending system (the authenticated integration user unless the payload names one)
 * @param messageId the sender's id of this message (HL7 MSH-10, a FHIR identifier, the JSON sourceMessageIds),
 *     which makes a resend recognisable; null when the payload could not be read far enough to find it
 * @param rawPayload the payload as received, for the archive and the dead-letter record
 * @param contentKey a digest of what the message says, so that a resend (same content) is told from a reused
 *     id (other content); by default of the raw payload, by a protocol of the part that is not transport detail
 *     (HL7 leaves out MSH-7, the time the copy was sent)
 */
public record Submission(
        String protocol, String sourceSystem, @Nullable String messageId, String rawPayload, String contentKey) {

    public Submission(String protocol, String sourceSystem, @Nullable String messageId, String rawPayload) {
        this(protocol, sourceSystem, messageId, rawPayload, digestOf(rawPayload));
    }

    /** SHA-256 in hex: short enough for any key, and no two contents share it in practice. */
    public static String digestOf(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
