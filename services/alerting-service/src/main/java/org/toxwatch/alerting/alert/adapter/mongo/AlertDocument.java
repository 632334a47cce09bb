package org.toxwatch.alerting.alert.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.GradeBasis;
import org.toxwatch.alerting.alert.domain.Recovery;
import org.toxwatch.alerting.alert.domain.SequencedTransition;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/**
 * An alert episode as stored. {@code priorityRank} orders the queue (0 = high); {@code version} makes every
 * write a single-document compare-and-set, so no transaction is needed.
 */
@Document("alerts")
record AlertDocument(
        @Id String id,
        String patientId,
        ToxicityFamily family,
        AlertStatus status,
        AlertPriority priority,
        int priorityRank,
        String priorityReason,
        String policyVersion,
        int highestGrade,
        ToxicityAssessed latest,
        Instant createdAt,
        Instant updatedAt,
        List<String> handledAssessments,
        int escalationTier,
        @Nullable Instant lastNotifiedAt,
        @Nullable String assignee,
        @Nullable Instant snoozedUntil,
        @Nullable Map<String, Integer> currentGrades,
        @Nullable Instant normalSince,
        @Nullable Instant resolutionProposedAt,
        @Nullable List<Basis> bases,
        @Nullable String openKey,
        @Nullable List<AlertChanged> unaudited,
        @Nullable List<Integer> unauditedSequences,
        @Nullable Integer transitions,
        @Version @Nullable Long version) {

    /**
     * The key of the one unresolved episode of a patient and family, absent once resolved. Unique (and sparse), so
     * the store finds the open episode by it without reading the collection: the embedded store uses no index that
     * is not unique.
     */
    static String openKey(String patientId, ToxicityFamily family) {
        return family.name() + ":" + patientId;
    }

    /** A {@link GradeBasis} as stored. */
    record Basis(
            String assessmentEventId,
            Criterion criterion,
            int grade,
            @Nullable AlertPriority priority,
            @Nullable String reason,
            boolean awaitsConfirmation,
            List<String> evidence,
            @Nullable Instant assessedAt,
            @Nullable String summary) {

        static Basis from(GradeBasis basis) {
            return new Basis(
                    basis.assessmentEventId().toString(),
                    basis.criterion(),
                    basis.grade(),
                    basis.priority(),
                    basis.reason(),
                    basis.awaitsConfirmation(),
                    basis.evidence().stream().map(UUID::toString).toList(),
                    basis.assessedAt(),
                    basis.summary());
        }

        GradeBasis toDomain() {
            return new GradeBasis(
                    UUID.fromString(assessmentEventId),
                    criterion,
                    grade,
                    priority,
                    reason,
                    awaitsConfirmation,
                    evidence.stream().map(UUID::fromString).toList(),
                    assessedAt,
                    summary);
        }
    }

    /**
     * @param unaudited transitions of the episode saved with it before they are in the audit trail; whoever reads the
     *     document writes those still missing there ({@link UnauditedChanges}). Kept as the events and, beside them,
     *     their numbers, so a document saved before transitions were numbered still reads.
     */
    static AlertDocument from(AlertEpisode episode, List<SequencedTransition> unaudited) {
        return new AlertDocument(
                episode.alertId().toString(),
                episode.patientId(),
                episode.family(),
                episode.status(),
                episode.priority(),
                episode.priority().ordinal(),
                episode.priorityReason(),
                episode.policyVersion(),
                episode.highestGrade(),
                episode.latest(),
                episode.createdAt(),
                episode.updatedAt(),
                episode.handledAssessments().stream().map(UUID::toString).toList(),
                episode.escalationTier(),
                episode.lastNotifiedAt(),
                episode.assignee(),
                episode.snoozedUntil(),
                episode.recovery().currentGrades().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)),
                episode.recovery().normalSince(),
                episode.recovery().proposedAt(),
                episode.bases().stream().map(Basis::from).toList(),
                episode.status() == AlertStatus.RESOLVED ? null : openKey(episode.patientId(), episode.family()),
                unaudited.isEmpty()
                        ? null
                        : unaudited.stream().map(SequencedTransition::event).toList(),
                unaudited.isEmpty()
                        ? null
                        : unaudited.stream().map(SequencedTransition::sequence).toList(),
                episode.transitions(),
                episode.version());
    }

    AlertDocument withVersion(long newVersion) {
        return new AlertDocument(
                id,
                patientId,
                family,
                status,
                priority,
                priorityRank,
                priorityReason,
                policyVersion,
                highestGrade,
                latest,
                createdAt,
                updatedAt,
                handledAssessments,
                escalationTier,
                lastNotifiedAt,
                assignee,
                snoozedUntil,
                currentGrades,
                normalSince,
                resolutionProposedAt,
                bases,
                openKey,
                unaudited,
                unauditedSequences,
                transitions,
                newVersion);
    }

    /** The audit entries of the transitions kept unaudited, numbered when they were saved with their numbers. */
    List<AuditEntryDocument> unauditedEntries() {
        if (unaudited == null) {
            return List.of();
        }
        boolean numbered = unauditedSequences != null && unauditedSequences.size() == unaudited.size();
        var entries = new ArrayList<AuditEntryDocument>(unaudited.size());
        for (int i = 0; i < unaudited.size(); i++) {
            entries.add(AuditEntryDocument.from(numbered ? unauditedSequences.get(i) : null, unaudited.get(i)));
        }
        return entries;
    }

    /** Episodes stored before recovery was tracked start from the grade they show. */
    private Recovery recovery() {
        if (currentGrades == null) {
            return latest.grade() == null
                    ? new Recovery(Map.of(), null, null)
                    : new Recovery(Map.of(latest.criterion(), latest.grade()), null, null);
        }
        var grades = new EnumMap<Criterion, Integer>(Criterion.class);
        currentGrades.forEach((criterion, grade) -> grades.put(Criterion.valueOf(criterion), grade));
        return new Recovery(grades, normalSince, resolutionProposedAt);
    }

    /**
     * Episodes stored before their bases were kept rest on the assessment they show, at their highest grade: a
     * correction of its results withdraws them, one of an earlier assessment's results cannot.
     */
    private List<GradeBasis> gradeBases() {
        if (bases != null) {
            return bases.stream().map(Basis::toDomain).toList();
        }
        return List.of(new GradeBasis(
                latest.eventId(),
                latest.criterion(),
                highestGrade,
                priority,
                priorityReason,
                false,
                latest.evidence().stream().map(Evidence::eventId).toList(),
                null,
                null));
    }

    AlertEpisode toDomain() {
        return new AlertEpisode(
                UUID.fromString(id),
                patientId,
                family,
                status,
                priority,
                priorityReason,
                policyVersion,
                highestGrade,
                latest,
                createdAt,
                updatedAt,
                handledAssessments.stream().map(UUID::fromString).toList(),
                escalationTier,
                lastNotifiedAt == null ? updatedAt : lastNotifiedAt,
                assignee,
                snoozedUntil,
                recovery(),
                gradeBases(),
                transitions == null ? 0 : transitions,
                version);
    }
}
