package org.toxwatch.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A clinician's finding about a patient: present, or withdrawn (refuted or entered in error). Topic
 * {@link Topics#CLINICAL_FINDINGS}, key {@code patientId}.
 *
 * @param observedAt when the finding was made (diagnosis or examination time): the event time
 * @param present false withdraws the finding from that time on (refuted, resolved or entered in error)
 * @param sourceCode the code as the sender wrote it, e.g. {@code http://snomed.info/sct|27916005}
 * @param sourceFindingId identifies the finding across updates (FHIR Condition id, JSON finding id)
 */
public record ClinicalFindingRecorded(
        UUID eventId,
        String patientId,
        Instant observedAt,
        Instant receivedAt,
        String sourceSystem,
        String sourceMessageId,
        ClinicalFinding finding,
        boolean present,
        @Nullable String sourceCode,
        @Nullable String sourceFindingId)
        implements ClinicalRecord {

    public ClinicalFindingRecorded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceMessageId, "sourceMessageId");
        Objects.requireNonNull(finding, "finding");
    }
}
