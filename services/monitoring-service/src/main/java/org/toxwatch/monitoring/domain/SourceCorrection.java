package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.ResultStatus;

/**
 * A correction or cancellation of a laboratory result, vital-sign set or neurological assessment, and the kept
 * results it replaces. The assessments published from
 * those results no longer stand: the next assessment of each criterion that used one says so, so that an alert
 * resting on them is withdrawn or lowered.
 *
 * @param caveat {@link AssessmentCaveat#SOURCE_RESULT_CORRECTED} or {@link AssessmentCaveat#SOURCE_RESULT_CANCELLED}
 * @param observedAt the collection time of the corrected or cancelled result
 * @param replaced event ids of the results it replaces
 */
public record SourceCorrection(AssessmentCaveat caveat, Instant observedAt, Set<UUID> replaced) {

    public SourceCorrection {
        Objects.requireNonNull(caveat, "caveat");
        Objects.requireNonNull(observedAt, "observedAt");
        replaced = Set.copyOf(replaced);
    }

    /** What {@code event} replaces in {@code before}, the state it is about to be applied to; absent if nothing. */
    public static @Nullable SourceCorrection of(PatientState before, ClinicalEvent event) {
        Set<UUID> replaced;
        ResultStatus status;
        switch (event) {
            case ClinicalEvent.Lab lab -> {
                replaced = before.replacedBy(lab.event());
                status = lab.event().status();
            }
            case ClinicalEvent.Vitals vitals -> {
                replaced = before.replacedBy(vitals.event());
                status = vitals.event().status();
            }
            case ClinicalEvent.Neuro neuro -> {
                replaced = before.replacedBy(neuro.event());
                status = neuro.event().status();
            }
            default -> {
                return null;
            }
        }
        if (replaced.isEmpty()) {
            return null;
        }
        var caveat = status == ResultStatus.CANCELLED
                ? AssessmentCaveat.SOURCE_RESULT_CANCELLED
                : AssessmentCaveat.SOURCE_RESULT_CORRECTED;
        return new SourceCorrection(caveat, event.eventTime(), replaced);
    }

    /** What this correction withdraws from the assessments published as {@code published}; absent if nothing. */
    @Nullable
    Withdrawal withdrawnFrom(@Nullable PublishedGrade published) {
        if (published == null) {
            return null;
        }
        var withdrawn = published.keptEvidence().stream()
                .map(UUID::fromString)
                .filter(replaced::contains)
                .sorted()
                .toList();
        return withdrawn.isEmpty() ? null : new Withdrawal(caveat, withdrawn);
    }

    /**
     * Results an assessment used that a correction or cancellation has since replaced.
     *
     * @param withdrawnEvidence the event ids of those results
     */
    public record Withdrawal(AssessmentCaveat caveat, List<UUID> withdrawnEvidence) {

        public Withdrawal {
            Objects.requireNonNull(caveat, "caveat");
            withdrawnEvidence = List.copyOf(withdrawnEvidence);
        }

        /** The summary of the assessment that follows the correction, which says so first. */
        public String explain(String summary) {
            return (caveat == AssessmentCaveat.SOURCE_RESULT_CANCELLED
                            ? "source result cancelled: "
                            : "source result corrected: ")
                    + summary;
        }

        /** {@code caveats} with this withdrawal's caveat added once. */
        public List<AssessmentCaveat> addedTo(List<AssessmentCaveat> caveats) {
            return caveats.contains(caveat)
                    ? caveats
                    : Stream.concat(caveats.stream(), Stream.of(caveat)).toList();
        }
    }
}
