package org.toxwatch.ingest.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

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
    public void map(String sender, String localCode, @Nullable String loinc) {
        if (loinc == null || loinc.isBlank()) {
            throw new IllegalArgumentException("loinc is required: the LOINC code the local code stands for");
        }
        if (ObservationCode.byLoinc(loinc.trim()).isEmpty()) {
            throw new IllegalArgumentException("'" + loinc
                    + "' is not a code ToxWatch monitors (see docs/clinical/codes-and-units.md#accepted-codes)");
        }
        put(sender, localCode, loinc);
    }

    public Optional<String> loincFor(String sender, String localCode) {
        return Optional.ofNullable(
                loincByLocalCodeBySender.getOrDefault(sender, Map.of()).get(localCode.trim()));
    }

    /**
     * The code of a result ToxWatch skips as not monitored, or empty for a result to validate and record. A result
     * is skipped, whatever else is wrong with it, when its LOINC code is well formed and not one ToxWatch monitors
     * (a mixed panel: sodium beside the neutrophils). A sender's local code without a mapping is skipped only for
     * the senders configured to skip unknown codes: ToxWatch cannot tell an irrelevant local test from a relevant one
     * whose mapping is missing, and skipping the latter would hide, say, a neutrophil count. The same holds for a
     * LOINC field that is not a well-formed LOINC code (a typing error could hide a monitored one).
     *
     * @param resolved the submission after {@link #resolve}
     */
    public Optional<String> notMonitored(String sender, ObservationSubmission resolved) {
        String loinc = resolved.loinc() == null ? "" : resolved.loinc().trim();
        if (!loinc.isEmpty()) {
            if (ObservationCode.byLoinc(loinc).isPresent() || !printable(resolved.loinc())) {
                return Optional.empty();
            }
            return ObservationCode.isWellFormedLoinc(loinc) || ignoresUnknownCodesFrom(sender)
                    ? Optional.of(loinc)
                    : Optional.empty();
        }
        String localCode =
                resolved.localCode() == null ? "" : resolved.localCode().trim();
        return !localCode.isEmpty() && printable(resolved.localCode()) && ignoresUnknownCodesFrom(sender)
                ? Optional.of(localCode)
                : Optional.empty();
    }

    /** A malformed code (a control character, megabytes long) is refused as such, never skipped. */
    private static boolean printable(@Nullable String code) {
        return InputHygiene.identifierProblem(code, InputHygiene.CODE_MAX).isEmpty();
    }

    /** The submission with its LOINC filled in from the sender's map, or unchanged. */
    public ObservationSubmission resolve(String sender, ObservationSubmission submission) {
        String localCode = submission.localCode();
        if (submission.loinc() != null && !submission.loinc().isBlank() || localCode == null) {
            return submission;
        }
        return loincFor(sender, localCode).map(submission::withLoinc).orElse(submission);
    }

    private void put(String sender, String localCode, String loinc) {
        loincByLocalCodeBySender
                .computeIfAbsent(sender, s -> new ConcurrentHashMap<>())
                .put(localCode.trim(), loinc.trim());
    }
}
