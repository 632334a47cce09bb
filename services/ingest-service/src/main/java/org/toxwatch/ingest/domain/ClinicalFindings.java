package org.toxwatch.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;

/**
 * Validates submitted clinical findings and turns valid ones into {@link ClinicalFindingRecorded}. A finding is
 * named by ToxWatch's name or by a code of {@link FindingCodes}; a code ToxWatch does not know is rejected with
 * the codes it would take, because a dropped "VOD diagnosed" would let a BESPONSA dose go ahead.
 */
public final class ClinicalFindings {

    private final Duration allowedClockSkew;

    public ClinicalFindings(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    /** Malformed input (identifier hygiene, times before 1900), judged before any clinical rule. */
    public static List<Violation> hygiene(ClinicalFindingSubmission submission) {
        var found = new ArrayList<Violation>();
        identifier("patientId", submission.patientId(), InputHygiene.PATIENT_ID_MAX, found);
        identifier("sourceMessageId", submission.sourceMessageId(), InputHygiene.MESSAGE_ID_MAX, found);
        identifier("sourceFindingId", submission.sourceFindingId(), InputHygiene.OBSERVATION_ID_MAX, found);
        identifier("finding", submission.finding(), InputHygiene.CODE_MAX, found);
        identifier("code", submission.code(), InputHygiene.NAME_MAX, found);
        if (submission.observedAt() != null) {
            InputHygiene.timeProblem(submission.observedAt())
                    .ifPresent(problem -> found.add(new Violation("observedAt", problem)));
        }
        return found;
    }

    public List<Violation> validate(ClinicalFindingSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (blank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (blank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (submission.observedAt() == null) {
            violations.add(new Violation("observedAt", "is required (when the finding was made or withdrawn)"));
        } else if (submission.observedAt().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation(
                    "observedAt", "is in the future (more than " + allowedClockSkew.toSeconds() + " s ahead)"));
        }
        findingOf(submission, violations);
        return violations;
    }

    /** Requires a submission {@link #validate} accepted. */
    public static ClinicalFindingRecorded toEvent(
            ClinicalFindingSubmission valid, String sourceSystem, Instant receivedAt) {
        return toEvent(valid, sourceSystem, receivedAt, "");
    }

    /** @param position the item's place in a JSON array (part of its identity there), else empty */
    public static ClinicalFindingRecorded toEvent(
            ClinicalFindingSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        ClinicalFinding finding = findingOf(valid, new ArrayList<>()).orElseThrow();
        boolean present = valid.present() == null || valid.present();
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId());
        Instant observedAt = Objects.requireNonNull(valid.observedAt());
        return new ClinicalFindingRecorded(
                // Everything the finding says is its identity: a resend is the same event, a withdrawal another.
                ObservationEvents.eventIdOf(
                        sourceSystem,
                        sourceMessageId,
                        "finding\n" + finding + "\n" + present + "\n" + observedAt + "\n" + valid + position),
                Objects.requireNonNull(valid.patientId()).trim(),
                observedAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                finding,
                present,
                trimmedOrNull(valid.code()),
                trimmedOrNull(valid.sourceFindingId()));
    }

    private static Optional<ClinicalFinding> findingOf(ClinicalFindingSubmission submission, List<Violation> found) {
        Optional<ClinicalFinding> named = Optional.empty();
        if (!blank(submission.finding())) {
            String name = submission.finding().trim().toUpperCase(Locale.ROOT);
            named = Arrays.stream(ClinicalFinding.values())
                    .filter(finding -> finding.name().equals(name))
                    .findFirst();
            if (named.isEmpty()) {
                found.add(new Violation(
                        "finding",
                        "'" + submission.finding() + "' is not one of " + Arrays.toString(ClinicalFinding.values())));
                return Optional.empty();
            }
        }
        Optional<ClinicalFinding> coded = Optional.empty();
        if (!blank(submission.code())) {
            coded = FindingCodes.findingOf(submission.code().trim());
            if (coded.isEmpty()) {
                found.add(new Violation(
                        "code",
                        "'" + submission.code().trim() + "' is not a finding ToxWatch knows; it takes "
                                + FindingCodes.accepted()));
                return Optional.empty();
            }
        }
        if (named.isPresent() && coded.isPresent() && named.get() != coded.get()) {
            found.add(new Violation(
                    "code", "names " + coded.get() + " but finding says " + named.get() + ": send one of them"));
            return Optional.empty();
        }
        if (named.isEmpty() && coded.isEmpty()) {
            found.add(new Violation(
                    "finding",
                    "is required: a finding name (one of " + Arrays.toString(ClinicalFinding.values())
                            + ") or a code"));
        }
        return named.isPresent() ? named : coded;
    }

    private static void identifier(String field, @Nullable String text, int max, List<Violation> found) {
        InputHygiene.identifierProblem(text, max).ifPresent(problem -> found.add(new Violation(field, problem)));
    }

    private static @Nullable String trimmedOrNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
