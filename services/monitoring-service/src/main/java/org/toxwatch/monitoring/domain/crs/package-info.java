/**
 * Cytokine release syndrome, ASTCT 2019 consensus grading (Lee et al., Biol Blood Marrow Transplant
 * 2019;25(4):625-638), as specified in {@code shared/clinical/CRITERIA.md} section 4.
 */
@NullMarked
package org.toxwatch.monitoring.domain.crs;

import org.jspecify.annotations.NullMarked;
