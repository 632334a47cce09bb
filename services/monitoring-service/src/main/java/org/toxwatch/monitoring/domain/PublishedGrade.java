package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Evidence;

/**
 * What monitoring last published for one criterion of one patient.
 *
 * @param grade the grade; absent means the criterion was published as not assessable, which is distinct from
 *     grade 0 and from never having been published (no entry at all)
 * @param assessedAt the clinical time of that assessment
 * @param keptEvidence event ids of the results (laboratory results, vital signs, neurological assessments) that this criterion's
 *     published assessments used and that the state still keeps: a correction or cancellation of one of them must
 *     reach the alert built on it (absent in states stored before it was kept)
 * @param caveats the caveats published with the grade (absent in states stored before they were kept)
 */
public record PublishedGrade(
        @Nullable Integer grade,
        Instant assessedAt,
        @Nullable List<String> keptEvidence,
        @Nullable List<AssessmentCaveat> caveats) {

    public PublishedGrade {
        keptEvidence = keptEvidence == null ? List.of() : List.copyOf(keptEvidence);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    public PublishedGrade(@Nullable Integer grade, Instant assessedAt) {
        this(grade, assessedAt, List.of(), List.of());
    }

    public PublishedGrade(@Nullable Integer grade, Instant assessedAt, @Nullable List<String> keptEvidence) {
        this(grade, assessedAt, keptEvidence, List.of());
    }

    static PublishedGrade of(Assessment assessment) {
        return new PublishedGrade(assessment.grade(), assessment.assessedAt(), List.of(), assessment.caveats());
    }

    /**
     * {@code assessment} published after {@code earlier}: the results both used, as far as the state still holds
     * them ({@code keptAmong} gives those of a set of event ids), since only a kept result can be corrected or
     * cancelled.
     */
    static PublishedGrade after(
            @Nullable PublishedGrade earlier, Assessment assessment, UnaryOperator<Set<String>> keptAmong) {
        var used = new LinkedHashSet<String>();
        if (earlier != null) {
            used.addAll(earlier.keptEvidence());
        }
        assessment.evidence().stream()
                .map(Evidence::eventId)
                .map(Object::toString)
                .forEach(used::add);
        used.retainAll(keptAmong.apply(used));
        return new PublishedGrade(assessment.grade(), assessment.assessedAt(), List.copyOf(used), assessment.caveats());
    }

    /**
     * Whether {@code assessment} says something different: another grade, a change in assessability, or the same
     * grade with other caveats (a clean repeat of a hemolyzed potassium confirms the grade: alerting pages on it).
     */
    boolean differsFrom(Assessment assessment) {
        return !Objects.equals(grade, assessment.grade())
                || !Set.copyOf(caveats()).equals(Set.copyOf(assessment.caveats()));
    }
}
