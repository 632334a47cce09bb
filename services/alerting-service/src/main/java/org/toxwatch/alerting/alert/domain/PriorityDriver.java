package org.toxwatch.alerting.alert.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;

/**
 * The assessment whose criterion and grade gave an alert the priority it holds: what its headline names, which
 * can differ from the latest assessment the alert shows (a platelet grade 3 after the neutrophil grade 4 that made
 * a cytopenia alert high, or a CRS grade 1 after the grade 3 that made it high).
 *
 * @param assessedAt clinical time of that assessment; absent for an alert stored before it was kept
 * @param summary that assessment's own account of the grade; absent with it
 */
public record PriorityDriver(
        UUID assessmentEventId,
        Criterion criterion,
        int grade,
        @Nullable Instant assessedAt,
        @Nullable String summary) {

    public PriorityDriver {
        Objects.requireNonNull(assessmentEventId, "assessmentEventId");
        Objects.requireNonNull(criterion, "criterion");
    }
}
