/**
 * The patient timeline: every observation received for a patient that the console charts (not only those that
 * changed a grade), the therapy events that place day 0 and each dose, and the scales the charts are drawn on.
 * Plain Java (checked by ArchitectureTest).
 */
@NullMarked
package org.toxwatch.alerting.domain.timeline;

import org.jspecify.annotations.NullMarked;
