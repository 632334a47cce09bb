package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A laboratory result accepted by ingest: LOINC-coded, value as a decimal with its UCUM unit. Topic
 * {@link Topics#LAB_RESULTS}, key {@code patientId}.
 *
 * @param observedAt specimen collection time (OBR-7 / OBX-14 / FHIR effective[x]): the event time
 * @param receivedAt when ingest received the message
 * @param sourceObservationId identifies the result across corrections and cancellations (e.g. filler
 *     order number + OBX-3 + OBX-4); a corrected or cancelled result carries the id of the one it replaces
 * @param value absent only for a cancelled result; for a censored result, the number its comparator bounds
 * @param comparator present for a censored result ({@code <0.1}: the true value is below 0.1); grading never
 *     takes the limit as if it were the value
 * @param reportedUnit the unit exactly as the sender wrote it, when that differs from {@code ucumUnit}
 * @param abnormalFlags the laboratory's interpretation codes as sent (HL7 v2 OBX-8, FHIR interpretation), e.g.
 *     {@code LL}
 * @param specimenConditions conditions of the specimen the laboratory reported (hemolyzed, ...)
 * @param observedAtPrecision how precisely the sender timed the specimen; absent means to the second or finer
 */
public record LabResultRecorded(
        UUID eventId,
        String patientId,
        Instant observedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        @Nullable String sourceObservationId,
        String loinc,
        @Nullable BigDecimal value,
        @Nullable String ucumUnit,
        @Nullable ReferenceRange referenceRange,
        ResultStatus status,
        @Nullable ValueComparator comparator,
        @Nullable String reportedUnit,
        @Nullable List<String> abnormalFlags,
        @Nullable List<SpecimenCondition> specimenConditions,
        @Nullable TimePrecision observedAtPrecision)
        implements ClinicalRecord {

    /** An exact, uncensored result timed to the second, with nothing reported about its specimen. */
    public LabResultRecorded(
            UUID eventId,
            String patientId,
            Instant observedAt,
            Instant receivedAt,
            String sourceSystem,
            String sourceMessageId,
            @Nullable String sourceObservationId,
            String loinc,
            @Nullable BigDecimal value,
            @Nullable String ucumUnit,
            @Nullable ReferenceRange referenceRange,
            ResultStatus status) {
        this(
                eventId,
                patientId,
                observedAt,
                receivedAt,
                sourceSystem,
                sourceMessageId,
                sourceObservationId,
                loinc,
                value,
                ucumUnit,
                referenceRange,
                status,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    public LabResultRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(loinc, "loinc");
        Objects.requireNonNull(status, "status");
        if (status != ResultStatus.CANCELLED && (value == null || ucumUnit == null)) {
            throw new IllegalArgumentException("a " + status + " result needs a value and a unit");
        }
        abnormalFlags = abnormalFlags == null ? List.of() : List.copyOf(abnormalFlags);
        specimenConditions = specimenConditions == null ? List.of() : List.copyOf(specimenConditions);
    }

    /** True when the result is a bound ({@code <0.1}) rather than a value. */
    public boolean censored() {
        return comparator != null;
    }
}
