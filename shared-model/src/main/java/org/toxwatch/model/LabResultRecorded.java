package org.toxwatch.model;

import java.math.BigDecimal;
import java.time.Instant;
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
 * @param value absent only for a cancelled result
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
        ResultStatus status)
        implements ClinicalRecord {

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
    }
}
