package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;

/**
 * One observation as a hospital system submitted it, before validation. Every field may be missing: the
 * validator says which ones must not be.
 *
 * @param valueCode a coded value instead of a number (oxygen device)
 * @param unit the unit as the sender wrote it ({@code K/uL}); read as UCUM through {@link ReportedUnits}
 * @param sourceObservationId the sender's id of this result, stable across corrections
 * @param localCode the sender's own code when it sent no LOINC; mapped per sender (see {@link LocalCodes})
 * @param comparator a censored numeric result: {@code value} is the bound ({@code <0.1})
 * @param abnormalFlags the sender's interpretation codes as sent (HL7 OBX-8, FHIR interpretation)
 * @param specimenConditions what the laboratory reported about the specimen (hemolyzed, ...)
 * @param effectiveTimePrecision how precisely the sender gave {@code effectiveTime}; null means to the second
 */
public record ObservationSubmission(
        @Nullable String patientId,
        @Nullable String loinc,
        @Nullable BigDecimal value,
        @Nullable String valueCode,
        @Nullable String unit,
        @Nullable Instant effectiveTime,
        @Nullable BigDecimal referenceLow,
        @Nullable BigDecimal referenceHigh,
        @Nullable String status,
        @Nullable String sourceMessageId,
        @Nullable String sourceObservationId,
        @Nullable String localCode,
        @Nullable ValueComparator comparator,
        List<String> abnormalFlags,
        List<SpecimenCondition> specimenConditions,
        @Nullable TimePrecision effectiveTimePrecision) {

    public ObservationSubmission {
        abnormalFlags = abnormalFlags == null ? List.of() : List.copyOf(abnormalFlags);
        specimenConditions = specimenConditions == null ? List.of() : List.copyOf(specimenConditions);
    }

    /** An exact value timed to the second, without flags or specimen remarks. */
    public ObservationSubmission(
            @Nullable String patientId,
            @Nullable String loinc,
            @Nullable BigDecimal value,
            @Nullable String valueCode,
            @Nullable String unit,
            @Nullable Instant effectiveTime,
            @Nullable BigDecimal referenceLow,
            @Nullable BigDecimal referenceHigh,
            @Nullable String status,
            @Nullable String sourceMessageId,
            @Nullable String sourceObservationId,
            @Nullable String localCode) {
        this(
                patientId,
                loinc,
                value,
                valueCode,
                unit,
                effectiveTime,
                referenceLow,
                referenceHigh,
                status,
                sourceMessageId,
                sourceObservationId,
                localCode,
                null,
                List.of(),
                List.of(),
                null);
    }

    /** The same observation under a LOINC code (a sender's local code mapped). */
    public ObservationSubmission withLoinc(String mappedLoinc) {
        return new ObservationSubmission(
                patientId,
                mappedLoinc,
                value,
                valueCode,
                unit,
                effectiveTime,
                referenceLow,
                referenceHigh,
                status,
                sourceMessageId,
                sourceObservationId,
                localCode,
                comparator,
                abnormalFlags,
                specimenConditions,
                effectiveTimePrecision);
    }
}
