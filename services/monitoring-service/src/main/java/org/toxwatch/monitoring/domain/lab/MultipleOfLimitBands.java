package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;

/**
 * Grades 1-4 of an "increased" term as multiples of a limit: CRITERIA.md 2.2 (multiples of ULN, baseline
 * normal or missing) and the abnormal-baseline columns of 2.3 (multiples of the baseline B).
 *
 * <pre>
 * 4: v > t3 x L
 * 3: t2 x L < v <= t3 x L
 * 2: t1 x L < v <= t2 x L
 * 1: L < v <= t1 x L          (or f x L <= v <= t1 x L where grade 1 starts at an inclusive multiple f)
 * </pre>
 *
 * Every comparison multiplies the threshold (1.1), in the reported unit when value and limit share it.
 *
 * @param limitName how the tables name the limit: {@code ULN} or {@code B}
 * @param grade1From where grade 1 starts, as a multiple of the limit
 * @param grade1FromInclusive {@code true} when the table writes {@code f x L <= v}, {@code false} for {@code L < v}
 */
public record MultipleOfLimitBands(
        String limitName,
        BigDecimal grade1From,
        boolean grade1FromInclusive,
        BigDecimal t1,
        BigDecimal t2,
        BigDecimal t3) {

    /** 2.2: grade 1 starts just above the limit. */
    public static MultipleOfLimitBands above(String limitName, String t1, String t2, String t3) {
        return new MultipleOfLimitBands(
                limitName, BigDecimal.ONE, false, new BigDecimal(t1), new BigDecimal(t2), new BigDecimal(t3));
    }

    /** 2.3 abnormal baseline for ALT/AST (1.5 x B) and ALP/GGT (2.0 x B): grade 1 starts at an inclusive multiple. */
    public static MultipleOfLimitBands from(String limitName, String grade1From, String t1, String t2, String t3) {
        return new MultipleOfLimitBands(
                limitName,
                new BigDecimal(grade1From),
                true,
                new BigDecimal(t1),
                new BigDecimal(t2),
                new BigDecimal(t3));
    }

    /**
     * Adds the four conditions to {@code ladder}, most severe first.
     *
     * @param limitDescription appended to each condition, e.g. {@code ULN = 40 U/L}
     */
    public void addTo(GradeLadder ladder, Quantity value, Quantity limit, String limitDescription) {
        var suffix = "; " + limitDescription;
        var aboveT1 = value.compareToMultiple(t1, limit) > 0;
        var aboveT2 = value.compareToMultiple(t2, limit) > 0;
        var aboveT3 = value.compareToMultiple(t3, limit) > 0;
        var fromCompared = value.compareToMultiple(grade1From, limit);
        var inGrade1 = (grade1FromInclusive ? fromCompared >= 0 : fromCompared > 0) && !aboveT1;
        ladder.rung(4, "v > " + times(t3) + suffix, aboveT3)
                .rung(3, times(t2) + " < v <= " + times(t3) + suffix, aboveT2 && !aboveT3)
                .rung(2, times(t1) + " < v <= " + times(t2) + suffix, aboveT1 && !aboveT2)
                .rung(1, grade1Start() + " v <= " + times(t1) + suffix, inGrade1);
    }

    /** The grade-0 condition the tables write, e.g. {@code v <= ULN} or {@code v < 1.5 x B}. */
    public String normalCondition(String limitDescription) {
        var condition = grade1FromInclusive ? "v < " + times(grade1From) : "v <= " + limitName;
        return condition + "; " + limitDescription;
    }

    private String grade1Start() {
        return grade1FromInclusive ? times(grade1From) + " <=" : limitName + " <";
    }

    private String times(BigDecimal multiple) {
        return multiple.toPlainString() + " x " + limitName;
    }
}
