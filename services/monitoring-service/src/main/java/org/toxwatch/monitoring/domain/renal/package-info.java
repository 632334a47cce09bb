/** CTCAE v5.0 creatinine increased (CRITERIA.md 2.4). */
@NullMarked
package org.toxwatch.monitoring.domain.renal;

import org.jspecify.annotations.NullMarked;
