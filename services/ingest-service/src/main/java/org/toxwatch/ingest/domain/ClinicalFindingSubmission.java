package org.toxwatch.ingest.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A clinician's finding as a hospital system submitted it, before validation.
 *
 * @param finding the finding by ToxWatch's name ({@code VOD_SOS_DIAGNOSED}); or give {@code code}
 * @param code the finding as a coded concept, {@code system|code} (see {@link FindingCodes})
 * @param present false withdraws the finding (refuted, resolved, entered in error); absent means present
 * @param observedAt when the finding was made, or when it ended for a withdrawal
 * @param sourceFindingId the sender's id of the finding, stable across its updates
 */
public record ClinicalFindingSubmission(
        @Nullable String patientId,
        @Nullable String finding,
        @Nullable String code,
        @Nullable Boolean present,
        @Nullable Instant observedAt,
        @Nullable String sourceFindingId,
        @Nullable String sourceMessageId) {}
