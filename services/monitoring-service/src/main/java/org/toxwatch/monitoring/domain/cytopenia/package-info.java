/** CTCAE v5.0 cytopenias graded from blood counts and hemoglobin (CRITERIA.md 2.5 and 2.6). */
@NullMarked
package org.toxwatch.monitoring.domain.cytopenia;

import org.jspecify.annotations.NullMarked;
