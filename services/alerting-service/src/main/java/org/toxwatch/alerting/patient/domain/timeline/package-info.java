/**
 * The patient timeline: every observation received for a patient that the console charts (not only those that
 * changed a grade) and the therapy events that place day 0 and each dose.
 * Plain Java (checked by ArchitectureTest).
 */
@NullMarked
package org.toxwatch.alerting.patient.domain.timeline;

import org.jspecify.annotations.NullMarked;
