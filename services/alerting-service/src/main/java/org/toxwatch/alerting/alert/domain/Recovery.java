package org.toxwatch.alerting.alert.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/**
 * How far an episode's toxicity has come back: the latest grade of every criterion seen in the episode, and since
 * when all of them have been 0. One criterion back to 0 is not recovery while another of the same family is still
 * abnormal (platelets can stay low after the neutrophils recover).
 *
 * @param currentGrades the latest grade of each criterion assessed in this episode
 * @param normalSince the clinical time from which every criterion has been grade 0; absent while any is above 0
 * @param proposedAt when resolution was proposed to the clinicians, if it was
 */
public record Recovery(
        Map<Criterion, Integer> currentGrades,
        @Nullable Instant normalSince,
        @Nullable Instant proposedAt) {

    public Recovery {
        currentGrades = Map.copyOf(currentGrades);
    }

    static Recovery startingWith(ToxicityAssessed assessment) {
        return new Recovery(Map.of(), null, null).after(assessment);
    }

    /** The state after a newer assessment of the family; a grade above 0 ends recovery and withdraws a proposal. */
    public Recovery after(ToxicityAssessed assessment) {
        Integer grade = assessment.grade();
        if (grade == null) {
            return this;
        }
        var grades = new TreeMap<>(currentGrades);
        grades.put(assessment.criterion(), grade);
        boolean allNormal = grades.values().stream().allMatch(g -> g == 0);
        if (!allNormal) {
            return new Recovery(grades, null, null);
        }
        return new Recovery(grades, normalSince == null ? assessment.assessedAt() : normalSince, proposedAt);
    }

    Recovery proposed(Instant now) {
        return new Recovery(currentGrades, normalSince, Objects.requireNonNull(now));
    }
}
