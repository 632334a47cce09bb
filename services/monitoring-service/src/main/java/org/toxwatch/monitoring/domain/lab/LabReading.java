package org.toxwatch.monitoring.domain.lab;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.units.Analyte;

/** The outcome of reading a recorded result for grading: a {@link LabResult}, or why it cannot be graded. */
public sealed interface LabReading permits LabReading.Readable, LabReading.Unreadable {

    record Readable(LabResult result) implements LabReading {}

    /**
     * @param analyte absent when the LOINC code is not one ToxWatch grades
     * @param reason names the unit and the analyte for an unmappable unit (CRITERIA.md 13.3)
     */
    record Unreadable(@Nullable Analyte analyte, String reason, Evidence evidence) implements LabReading {}
}
