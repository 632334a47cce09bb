package org.toxwatch.ingest.application;

import org.jspecify.annotations.Nullable;

/**
 * Where a submission came from, kept with every event and every reject.
 *
 * @param protocol {@code JSON}, {@code FHIR} or {@code HL7V2}
 * @param sourceSystem the sending system (the authenticated integration user unless the payload names one)
 * @param messageId the sender's id of this message (HL7 MSH-10, a FHIR identifier, the JSON sourceMessageIds),
 *     which makes a resend recognisable; null when the payload could not be read far enough to find it
 * @param rawPayload the payload as received, for the archive and the dead-letter record
 */
public record Submission(
        String protocol, String sourceSystem, @Nullable String messageId, String rawPayload) {}
