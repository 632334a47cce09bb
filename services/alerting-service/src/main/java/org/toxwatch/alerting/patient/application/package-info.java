/** Patients: the use cases that keep patient files and the observation log, and the ports they need. Plain Java, no framework imports (checked by ArchitectureTest). */
@NullMarked
package org.toxwatch.alerting.patient.application;

import org.jspecify.annotations.NullMarked;
