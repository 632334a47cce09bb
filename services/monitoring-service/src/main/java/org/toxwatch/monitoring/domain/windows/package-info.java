/**
 * Monitoring windows shown in the therapy context of assessments: the BLINCYTO hospitalization and supervision
 * windows of {@code shared/clinical/CRITERIA.md} 9.2 and the CAR-T monitoring windows of section 10.
 */
@NullMarked
package org.toxwatch.monitoring.domain.windows;

import org.jspecify.annotations.NullMarked;
