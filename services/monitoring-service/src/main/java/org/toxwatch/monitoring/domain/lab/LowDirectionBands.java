package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;

/**
 * The grades of a low-direction term whose least severe grade needs {@code v < LLN} and whose more severe
 * grades are absolute numbers: blood counts (CRITERIA.md 2.5), anemia (2.6), hypokalemia and hypocalcemia
 * (2.7). Platelets, {@code LowDirectionBands.of(1, "10*9/L", "75.0", "50.0", "25.0")}, read
 *
 * <pre>
 * 4: v < 25.0
 * 3: 25.0 <= v < 50.0
 * 2: 50.0 <= v < 75.0
 * 1: v < LLN and v >= 75.0
 * </pre>
 *
 * Each absolute range includes its lower end and excludes its upper end (1.1); the absolute grades are
 * compared in the canonical unit and win over a laboratory LLN that is lower than the value (2.1).
 *
 * @param llnGrade the grade that needs {@code v < LLN}: 1, or 2 for hypokalemia, which never emits grade 1
 * @param floors the lowest value of grade {@code llnGrade}, {@code llnGrade + 1}, ..., descending, in the
 *     canonical unit; below the last one is the most severe grade
 * @param unit the canonical unit, as the conditions write it
 */
public record LowDirectionBands(int llnGrade, List<BigDecimal> floors, String unit) {

    public LowDirectionBands {
        floors = List.copyOf(floors);
        if (floors.isEmpty()) {
            throw new IllegalArgumentException("a low-direction term needs at least the floor of its LLN grade");
        }
        for (int i = 1; i < floors.size(); i++) {
            if (floors.get(i).compareTo(floors.get(i - 1)) >= 0) {
                throw new IllegalArgumentException("floors must descend with severity: " + floors);
            }
        }
    }

    /** @param floors the lowest value of grade {@code llnGrade} and of each more severe grade, e.g. {@code "75.0"} */
    public static LowDirectionBands of(int llnGrade, String unit, String... floors) {
        return new LowDirectionBands(
                llnGrade, Arrays.stream(floors).map(BigDecimal::new).toList(), unit);
    }

    /** Adds the conditions to {@code ladder}, most severe first; without an LLN the LLN grade is not met. */
    public void addTo(GradeLadder ladder, Quantity value, @Nullable ReferenceLimit lln) {
        var unitSuffix = " " + unit;
        var last = floors.size() - 1;
        var lowest = floors.get(last);
        ladder.rung(llnGrade + last + 1, "v < " + lowest + unitSuffix, value.compareToCanonical(lowest) < 0);
        for (int i = last; i > 0; i--) {
            var floor = floors.get(i);
            var ceiling = floors.get(i - 1);
            ladder.rung(
                    llnGrade + i,
                    floor + " <= v < " + ceiling + unitSuffix,
                    value.compareToCanonical(floor) >= 0 && value.compareToCanonical(ceiling) < 0);
        }
        var llnFloor = floors.getFirst();
        ladder.rung(
                llnGrade,
                "v < LLN and v >= " + llnFloor + unitSuffix + "; " + ReferenceLimit.describe("LLN", lln),
                lln != null && value.compareTo(lln.quantity()) < 0 && value.compareToCanonical(llnFloor) >= 0);
    }

    /** The grade-0 condition, e.g. {@code v >= LLN; LLN = 1.8 10*9/L (default)}. */
    public String normalCondition(@Nullable ReferenceLimit lln) {
        return "v >= LLN; " + ReferenceLimit.describe("LLN", lln);
    }

    /**
     * A lab-only grade (CRITERIA.md 1.6) of {@code result} on these bands alone: not assessable only when the
     * result lies in the LLN-dependent band without an LLN; {@code note} is added when the grade is
     * {@code notedGrade}.
     */
    public Assessment labOnlyAssessment(
            Criterion criterion, LabResult result, String analyteName, int notedGrade, String note) {
        var lln = result.lower();
        var ladder = new GradeLadder();
        addTo(ladder, result.quantity(), lln);
        if (lln == null && ladder.grade() == 0) {
            return LabAssessment.missingLimit(criterion, result, "LLN", analyteName);
        }
        var assessment = LabAssessment.of(criterion, result, ladder)
                .normalWhen(normalCondition(lln))
                .limitFrom(lln)
                .labOnly(true);
        if (ladder.grade() == notedGrade) {
            assessment.note(note);
        }
        return assessment.build();
    }
}
