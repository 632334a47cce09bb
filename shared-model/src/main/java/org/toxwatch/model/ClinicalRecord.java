package org.toxwatch.model;

import java.time.Instant;
import java.util.UUID;

/**
 * What every clinical input event has, whatever it records: lab results, vital signs, therapy events and
 * neurological assessments. Lets a consumer handle their identity and provenance one way.
 */
public interface ClinicalRecord {

    UUID eventId();

    String patientId();

    /** When ingest received the message the event came in. */
    Instant receivedAt();

    String sourceSystem();

    /** The id the sending system gave that message. */
    String sourceMessageId();
}
