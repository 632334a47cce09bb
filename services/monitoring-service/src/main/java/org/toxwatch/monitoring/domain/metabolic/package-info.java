/**
 * CTCAE v5.0 electrolyte, urate and LDH terms (CRITERIA.md 2.7, 2.8). Phosphate has no numeric CTCAE v5.0
 * grade and is deliberately not graded here.
 */
@NullMarked
package org.toxwatch.monitoring.domain.metabolic;

import org.jspecify.annotations.NullMarked;
