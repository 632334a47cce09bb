package org.toxwatch.ingest.application;

/**
 * Where a submission came from, kept with every event and every reject.
 *
 * @param protocol {@code JSON}, {@code FHIR} or {@code HL7V2}
 * @param sourceSystem the sending system (the authenticated integration user unless the payload names one)
 * @param rawPayload the payload as received, for the dead-letter record
 */
public record Submission(String protocol, String sourceSystem, String rawPayload) {}
