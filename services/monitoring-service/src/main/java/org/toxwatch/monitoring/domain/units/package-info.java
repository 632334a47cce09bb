/**
 * Analytes, their LOINC codes, canonical UCUM units, default reference ranges and unit conversion
 * (CRITERIA.md section 13). Conversion is exact decimal arithmetic; units that cannot be mapped are an
 * outcome that names the unit and the analyte, never a guess.
 */
@NullMarked
package org.toxwatch.monitoring.domain.units;

import org.jspecify.annotations.NullMarked;
