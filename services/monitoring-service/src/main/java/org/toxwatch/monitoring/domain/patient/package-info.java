/** The patient as a person: birth date, age at an assessment and administrative sex. */
@NullMarked
package org.toxwatch.monitoring.domain.patient;

import org.jspecify.annotations.NullMarked;
