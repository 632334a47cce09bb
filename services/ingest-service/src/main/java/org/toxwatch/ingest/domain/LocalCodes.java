package org.toxwatch.ingest.domain;

import java.util.Map;

/**
 * Per-sender maps from a laboratory's own test codes to LOINC, kept in configuration so an integration
 * team can add a mapping without a release. A code the map does not know stays unmapped and is rejected
 * by name, never guessed.
 */
public final class LocalCodes {

    private final Map<String, Map<String, String>> loincByLocalCodeBySender;

    public LocalCodes(Map<String, Map<String, String>> loincByLocalCodeBySender) {
        this.loincByLocalCodeBySender = Map.copyOf(loincByLocalCodeBySender);
    }

    public static LocalCodes none() {
        return new LocalCodes(Map.of());
    }

    /** The submission with its LOINC filled in from the sender's map, or unchanged. */
    public ObservationSubmission resolve(String sender, ObservationSubmission submission) {
        String localCode = submission.localCode();
        if (submission.loinc() != null && !submission.loinc().isBlank() || localCode == null) {
            return submission;
        }
        String loinc = loincByLocalCodeBySender.getOrDefault(sender, Map.of()).get(localCode.trim());
        if (loinc == null) {
            return submission;
        }
        return new ObservationSubmission(
                submission.patientId(),
                loinc,
                submission.value(),
                submission.valueCode(),
                submission.unit(),
                submission.effectiveTime(),
                submission.referenceLow(),
                submission.referenceHigh(),
                submission.status(),
                submission.sourceMessageId(),
                submission.sourceObservationId(),
                localCode);
    }
}
