package org.toxwatch.monitoring.domain.units;

/** Something measured with a canonical UCUM unit: a laboratory {@link Analyte} or a {@link VitalSign}. */
public sealed interface Measurand permits Analyte, VitalSign {

    /** Short clinical name, as summaries print it (e.g. {@code ANC}). */
    String display();

    /** The UCUM unit every rule compares in (CRITERIA.md 13.3). */
    String canonicalUnit();
}
