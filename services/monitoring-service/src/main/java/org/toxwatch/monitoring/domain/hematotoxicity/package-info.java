/**
 * CAR-T hematotoxicity (CRITERIA.md section 6): early and late ICAHT (EHA/EBMT 2023) from the ANC series
 * after infusion, and the pre-infusion CAR-HEMATOTOX risk score.
 */
@NullMarked
package org.toxwatch.monitoring.domain.hematotoxicity;

import org.jspecify.annotations.NullMarked;
