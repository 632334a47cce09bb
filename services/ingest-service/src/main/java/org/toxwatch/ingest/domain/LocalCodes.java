package org.toxwatch.ingest.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-sender maps from a laboratory's own test codes to LOINC: those in configuration, plus those an
 * operator adds at run time to fix a feed without a release (then replays the rejected messages). A code the
 * map does not know stays unmapped and is rejected by name, never guessed.
 */
public final class LocalCodes {

    private final Map<String, Map<String, String>> loincByLocalCodeBySender = new ConcurrentHashMap<>();
    private final Set<String> sendersWhoseUnknownCodesAreIgnored;

    public LocalCodes(Map<String, Map<String, String>> configured) {
        this(configured, Set.of());
    }

    /**
     * @param sendersWhoseUnknownCodesAreIgnored senders whose results with a code ToxWatch does not monitor are
     *     skipped rather than rejected (a feed that cannot be filtered at the interface engine). For everyone
     *     else an unknown code is rejected: ToxWatch cannot tell an irrelevant test from a relevant one whose
     *     mapping is missing, and skipping the latter would hide, say, a neutrophil count.
     */
    public LocalCodes(Map<String, Map<String, String>> configured, Set<String> sendersWhoseUnknownCodesAreIgnored) {
        configured.forEach((sender, codes) -> codes.forEach((code, loinc) -> put(sender, code, loinc)));
        this.sendersWhoseUnknownCodesAreIgnored = Set.copyOf(sendersWhoseUnknownCodesAreIgnored);
    }

    public static LocalCodes none() {
        return new LocalCodes(Map.of());
    }

    public boolean ignoresUnknownCodesFrom(String sender) {
        return sendersWhoseUnknownCodesAreIgnored.contains(sender);
    }

    /**
     * Adds or replaces one mapping. Only a LOINC code ToxWatch monitors may be the target.
     *
     * @throws IllegalArgumentException naming the problem when the LOINC code is not monitored
     */
    public void map(String sender, String localCode, String loinc) {
        if (ObservationCode.byLoinc(loinc.trim()).isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + loinc + "' is not a code ToxWatch monitors (CRITERIA.md 13.1/13.2)");
        }
        put(sender, localCode, loinc);
    }

    public Optional<String> loincFor(String sender, String localCode) {
        return Optional.ofNullable(
                loincByLocalCodeBySender.getOrDefault(sender, Map.of()).get(localCode.trim()));
    }

    /** The submission with its LOINC filled in from the sender's map, or unchanged. */
    public ObservationSubmission resolve(String sender, ObservationSubmission submission) {
        String localCode = submission.localCode();
        if (submission.loinc() != null && !submission.loinc().isBlank() || localCode == null) {
            return submission;
        }
        return loincFor(sender, localCode)
                .map(loinc -> new ObservationSubmission(
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
                        localCode))
                .orElse(submission);
    }

    private void put(String sender, String localCode, String loinc) {
        loincByLocalCodeBySender
                .computeIfAbsent(sender, s -> new ConcurrentHashMap<>())
                .put(localCode.trim(), loinc.trim());
    }
}
