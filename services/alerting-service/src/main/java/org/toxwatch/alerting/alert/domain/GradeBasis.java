package org.toxwatch.alerting.alert.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ToxicityAssessed;

/**
 * One grade above 0 an alert episode has seen, with the results it was graded from: what the episode's highest
 * grade and priority are recomputed from when a laboratory corrects or cancels one of those results.
 *
 * @param assessmentEventId the assessment that published the grade
 * @param priority the priority the policy gave it; absent when the grade alone would raise no alert
 * @param reason the policy's reason for that priority; absent with it
 * @param awaitsConfirmation the grade came from a compromised specimen and nothing has confirmed it
 * @param evidence event ids of the results the grade was computed from
 * @param assessedAt clinical time of the assessment; absent for bases stored before it was kept
 * @param summary the assessment's own account of the grade; absent with it
 */
public record GradeBasis(
        UUID assessmentEventId,
        Criterion criterion,
        int grade,
        @Nullable AlertPriority priority,
        @Nullable String reason,
        boolean awaitsConfirmation,
        List<UUID> evidence,
        @Nullable Instant assessedAt,
        @Nullable String summary) {

    public GradeBasis {
        Objects.requireNonNull(assessmentEventId, "assessmentEventId");
        Objects.requireNonNull(criterion, "criterion");
        evidence = List.copyOf(evidence);
    }

    /** The basis {@code assessment} adds to an episode: absent for a grade of 0 or a criterion not assessable. */
    static Optional<GradeBasis> of(ToxicityAssessed assessment, Optional<AlertDecision> decision) {
        Integer grade = assessment.grade();
        if (grade == null || grade < 1) {
            return Optional.empty();
        }
        return Optional.of(new GradeBasis(
                assessment.eventId(),
                assessment.criterion(),
                grade,
                decision.map(AlertDecision::priority).orElse(null),
                decision.map(AlertDecision::reason).orElse(null),
                decision.map(AlertDecision::awaitsConfirmation).orElse(false),
                assessment.evidence().stream().map(Evidence::eventId).toList(),
                assessment.assessedAt(),
                assessment.summary()));
    }

    /** Whether the grade would raise an alert by itself. */
    boolean alerts() {
        return priority != null;
    }

    /** Whether the grade was computed from any of {@code withdrawn}. */
    boolean restsOnAny(Collection<UUID> withdrawn) {
        return !Collections.disjoint(evidence, withdrawn);
    }
}
