/**
 * Immune effector cell-associated neurotoxicity syndrome (ICANS), ASTCT 2019 consensus grading (Lee et al., Biol
 * Blood Marrow Transplant 2019;25(4):625-638), as specified in {@code shared/clinical/CRITERIA.md} section 5.
 */
@NullMarked
package org.toxwatch.monitoring.domain.icans;

import org.jspecify.annotations.NullMarked;
