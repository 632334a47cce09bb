/** CTCAE v5.0 fibrinogen decreased (CRITERIA.md 2.9). */
@NullMarked
package org.toxwatch.monitoring.domain.coagulation;

import org.jspecify.annotations.NullMarked;
