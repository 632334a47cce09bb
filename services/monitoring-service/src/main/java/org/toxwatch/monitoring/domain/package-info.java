/**
 * The clinical grading core: plain Java, no Spring, Kafka, Jackson, MongoDB or Micrometer (checked by
 * ArchitectureTest). Rules follow {@code shared/clinical/CRITERIA.md} exactly.
 */
@NullMarked
package org.toxwatch.monitoring.domain;

import org.jspecify.annotations.NullMarked;
