package org.toxwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient's current grade on every criterion monitoring has published, as of the latest change. Topic
 * {@link Topics#PATIENT_GRADES}, key {@code patientId}, compacted: the newest snapshot per patient is kept, so a
 * new consumer (a read model, a ward board) learns every patient's state without replaying the assessments.
 *
 * @param eventId unique per snapshot
 * @param producedAt when monitoring produced it
 * @param grades one entry per criterion, in criterion order
 */
public record PatientGradesSnapshot(
        UUID eventId, String patientId, Instant producedAt, String catalogueVersion, List<CurrentGrade> grades) {

    /**
     * @param grade absent when the criterion was last published as not assessable
     * @param assessedAt the clinical time of the assessment that set it
     */
    public record CurrentGrade(
            Criterion criterion,
            String criterionId,
            @Nullable Integer grade,
            Instant assessedAt) {

        public CurrentGrade {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(criterionId, "criterionId");
            Objects.requireNonNull(assessedAt, "assessedAt");
        }
    }

    public PatientGradesSnapshot {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(catalogueVersion, "catalogueVersion");
        grades = List.copyOf(grades);
    }
}
