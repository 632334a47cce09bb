/**
 * What every CTCAE v5.0 laboratory rule shares (CRITERIA.md 1.1-1.4, 2.1): a converted result with its
 * reference limits, exact comparisons against multiples of a limit, and the grade ladder that records
 * each threshold as the criteria table writes it.
 */
@NullMarked
package org.toxwatch.monitoring.domain.lab;

import org.jspecify.annotations.NullMarked;
