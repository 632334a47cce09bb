package org.toxwatch.ingest.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One bedside neurological assessment (ICE or CAPD score and the other ICANS domains, CRITERIA.md 5) as a
 * hospital system submitted it, before validation. A domain left out was not assessed.
 */
public record NeuroAssessmentSubmission(
        @Nullable String patientId,
        @Nullable Instant assessedAt,
        @Nullable Integer iceScore,
        @Nullable Integer capdScore,
        @Nullable String consciousness,
        @Nullable String seizure,
        @Nullable String motor,
        @Nullable String icp,
        @Nullable String status,
        @Nullable String sourceMessageId) {}
