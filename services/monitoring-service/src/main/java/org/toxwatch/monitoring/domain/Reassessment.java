package org.toxwatch.monitoring.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;

/**
 * The result of {@link ToxicityGrader#reassess}: the state with the new published grades, and the
 * assessments to publish, only those whose grade changed, that became assessable, or that follow a correction of
 * a result an earlier published assessment used.
 *
 * @param withdrawals per criterion published, what a correction or cancellation withdrew from its earlier
 *     assessments
 */
public record Reassessment(
        PatientState state, List<Assessment> changed, Map<Criterion, SourceCorrection.Withdrawal> withdrawals) {

    public Reassessment {
        Objects.requireNonNull(state, "state");
        changed = List.copyOf(changed);
        withdrawals = Map.copyOf(withdrawals);
    }

    public Reassessment(PatientState state, List<Assessment> changed) {
        this(state, changed, Map.of());
    }

    /** What a correction withdrew from the earlier assessments of {@code criterion}; absent if nothing. */
    public SourceCorrection.@Nullable Withdrawal withdrawalOf(Criterion criterion) {
        return withdrawals.get(criterion);
    }
}
