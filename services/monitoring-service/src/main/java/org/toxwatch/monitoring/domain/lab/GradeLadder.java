package org.toxwatch.monitoring.domain.lab;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;

/**
 * The grade conditions of one term, added from the most severe grade down (CRITERIA.md 2.1), each recorded
 * as an {@link AppliedThreshold} written as the criteria table writes it. Within one table the conditions
 * exclude each other, so the highest grade met is the first one met from the top; for terms with two
 * independent criteria (creatinine, fibrinogen) it is the maximum CRITERIA.md asks for. No condition met
 * is grade 0.
 */
public final class GradeLadder {

    private final List<AppliedThreshold> thresholds = new ArrayList<>();
    private int grade;
    private @Nullable String decidingCondition;

    /** Records {@code condition} for {@code grade}; {@code v} in the condition stands for the value. */
    public GradeLadder rung(int grade, String condition, boolean met) {
        thresholds.add(new AppliedThreshold(grade, condition, met));
        if (met && (decidingCondition == null || grade > this.grade)) {
            this.grade = grade;
            this.decidingCondition = condition;
        }
        return this;
    }

    public int grade() {
        return grade;
    }

    /** The condition that decided the grade, absent at grade 0. */
    public @Nullable String decidingCondition() {
        return decidingCondition;
    }

    public List<AppliedThreshold> thresholds() {
        return List.copyOf(thresholds);
    }
}
