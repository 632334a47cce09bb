/**
 * What alerting knows about each patient as a person and where they are, kept from the patient records ingest
 * publishes, so clinicians can tell whose alert is on the screen. Plain Java (checked by ArchitectureTest).
 */
@NullMarked
package org.toxwatch.alerting.patient.domain;

import org.jspecify.annotations.NullMarked;
