/**
 * Hepatotoxicity signals that are not CTCAE terms (CRITERIA.md section 7): the potential Hy's law signal
 * (7.1) and the VOD/SOS diagnostic criteria as an alerting aid (7.2). Both produce a binary or three-level
 * ToxWatch signal, not a severity grade.
 */
@NullMarked
package org.toxwatch.monitoring.domain.liversignals;

import org.jspecify.annotations.NullMarked;
