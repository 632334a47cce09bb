package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What monitoring last published for one criterion of one patient.
 *
 * @param grade the grade; absent means the criterion was published as not assessable, which is distinct from
 *     grade 0 and from never having been published (no entry at all)
 * @param assessedAt the clinical time of that assessment
 */
public record PublishedGrade(@Nullable Integer grade, Instant assessedAt) {

    static PublishedGrade of(Assessment assessment) {
        return new PublishedGrade(assessment.grade(), assessment.assessedAt());
    }

    /** Whether {@code assessment} says something different: another grade, or a change in assessability. */
    boolean differsFrom(Assessment assessment) {
        return !Objects.equals(grade, assessment.grade());
    }
}
