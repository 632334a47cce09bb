package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One observation as a hospital system submitted it, before validation. Every field may be missing: the
 * validator says which ones must not be.
 *
 * @param valueCode a coded value instead of a number (oxygen device)
 * @param sourceObservationId the sender's id of this result, stable across corrections
 * @param localCode the sender's own code when it sent no LOINC; mapped per sender (see {@link LocalCodes})
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
        @Nullable String localCode) {}
