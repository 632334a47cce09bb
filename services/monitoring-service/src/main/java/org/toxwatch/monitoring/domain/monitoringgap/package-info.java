/** Signals that an expected result has not come: absence is as clinically telling as a bad value. */
@NullMarked
package org.toxwatch.monitoring.domain.monitoringgap;

import org.jspecify.annotations.NullMarked;
