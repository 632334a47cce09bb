package org.toxwatch.model;

/**
 * A threshold the grading compared against, written as the criteria table writes it.
 *
 * @param grade the grade this condition defines
 * @param condition e.g. {@code v < 0.5 10*9/L}
 * @param met whether the observation met it
 */
public record AppliedThreshold(int grade, String condition, boolean met) {}
