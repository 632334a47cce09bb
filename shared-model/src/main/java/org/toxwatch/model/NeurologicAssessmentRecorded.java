package org.toxwatch.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bedside neurological assessment for ICANS (ASTCT 2019, CRITERIA.md 5): the ICE score (or, for a child, the
 * CAPD score) and the four other ICANS domains. Any domain may be absent; absent means "not assessed", never
 * normal. Findings are reported only when not attributable to another cause (5.3): the sender leaves out, or
 * reports as NONE, a finding the clinician attributes to something else. Topic {@link Topics#NEURO_ASSESSMENTS},
 * key {@code patientId}.
 *
 * <p>A corrected assessment replaces, and a cancelled one withdraws, the assessment of the same patient made at
 * the same {@code observedAt} (like vital signs, an assessment carries no observation id).
 *
 * @param observedAt when the patient was assessed: the event time
 * @param iceScore Immune Effector Cell-associated Encephalopathy score, 0-10; absent when not done (for example
 *     because the patient is unarousable or is a child assessed with the CAPD)
 * @param capdScore Cornell Assessment of Pediatric Delirium, 0-32, for children roughly 12 years and younger or
 *     unable to do the ICE (5.3); whether a patient is assessed with the CAPD is the sender's clinical choice
 */
public record NeurologicAssessmentRecorded(
        UUID eventId,
        String patientId,
        Instant observedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        @Nullable Integer iceScore,
        @Nullable Integer capdScore,
        @Nullable LevelOfConsciousness consciousness,
        @Nullable SeizureFinding seizure,
        @Nullable MotorFinding motor,
        @Nullable IntracranialPressureFinding icp,
        ResultStatus status)
        implements ClinicalRecord {

    public static final int ICE_MAX = 10;
    public static final int CAPD_MAX = 32;

    public NeurologicAssessmentRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(status, "status");
        if (iceScore != null && (iceScore < 0 || iceScore > ICE_MAX)) {
            throw new IllegalArgumentException("an ICE score is 0-10, not " + iceScore);
        }
        if (capdScore != null && (capdScore < 0 || capdScore > CAPD_MAX)) {
            throw new IllegalArgumentException("a CAPD score is 0-32, not " + capdScore);
        }
    }
}
