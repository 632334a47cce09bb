/** CTCAE v5.0 liver terms with their baseline-dependent rules (CRITERIA.md 2.3). */
@NullMarked
package org.toxwatch.monitoring.domain.hepatotoxicity;

import org.jspecify.annotations.NullMarked;
