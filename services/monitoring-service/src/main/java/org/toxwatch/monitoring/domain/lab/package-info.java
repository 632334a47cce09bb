/**
 * What every CTCAE v5.0 laboratory rule shares (CRITERIA.md 1.1-1.4, 2.1): a converted result with its
 * reference limits, exact comparisons against multiples of a limit, the absolute bands of low-direction
 * terms, the grade ladder that records each threshold as the criteria table writes it, and the two shapes
 * of rule: graded from the result alone, or also from the episode's baseline.
 */
@NullMarked
package org.toxwatch.monitoring.domain.lab;

import org.jspecify.annotations.NullMarked;
