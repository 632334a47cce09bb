package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;

/**
 * What the laboratory said about a result besides its number: that it is only a bound ({@code <0.1}), how its
 * specimen was, how precisely it was timed, and the unit as the sender spelled it.
 *
 * @param comparator present for a censored result
 * @param specimenConditions conditions that can falsify the result (hemolyzed, lipemic, ...)
 * @param observedAtPrecision how precisely the collection was timed; absent means to the second or finer
 * @param reportedUnit the sender's spelling of the unit, when it differs from the UCUM one
 */
public record ResultQualifiers(
        @Nullable ValueComparator comparator,
        List<SpecimenCondition> specimenConditions,
        @Nullable TimePrecision observedAtPrecision,
        @Nullable String reportedUnit) {

    /** An exact result timed to the second, nothing reported about its specimen. */
    public static final ResultQualifiers NONE = new ResultQualifiers(null, List.of(), null, null);

    public ResultQualifiers {
        specimenConditions = specimenConditions == null ? List.of() : List.copyOf(specimenConditions);
    }

    static ResultQualifiers of(LabResultRecorded recorded) {
        var reportedUnit = recorded.reportedUnit();
        return new ResultQualifiers(
                recorded.comparator(),
                recorded.specimenConditions(),
                recorded.observedAtPrecision(),
                reportedUnit == null || reportedUnit.equals(recorded.ucumUnit()) ? null : reportedUnit);
    }

    public boolean censored() {
        return comparator != null;
    }

    public boolean timedToTheDayOnly() {
        return observedAtPrecision == TimePrecision.DAY;
    }
}
