package org.toxwatch.ingest.adapter.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.NeuroAssessmentSubmission;

/**
 * The JSON body of one neurological assessment, e.g. {@code {"patientId":"MRN-0003","assessedAt":
 * "2026-11-20T08:00:00Z","iceScore":6,"consciousness":"AWAKENS_TO_VOICE","seizure":"NONE",
 * "sourceMessageId":"neuro-12"}}. A domain left out was not assessed; report a finding only when it is not
 * attributed to another cause (CRITERIA.md 5.3).
 */
record NeuroAssessmentRequest(
        @Nullable String patientId,
        @Nullable Instant assessedAt,
        @Nullable Integer iceScore,
        @Nullable Integer capdScore,
        @Nullable String consciousness,
        @Nullable String seizure,
        @Nullable String motor,
        @Nullable String icp,
        @Nullable String status,
        @Nullable String sourceMessageId) {

    NeuroAssessmentSubmission toSubmission() {
        return new NeuroAssessmentSubmission(
                patientId,
                assessedAt,
                iceScore,
                capdScore,
                consciousness,
                seizure,
                motor,
                icp,
                status,
                sourceMessageId);
    }
}
