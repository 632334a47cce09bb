package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.Evidence;

/**
 * The clinician's findings as they stand now (CRITERIA.md 7.2 bedside findings; 8.2 rule 1, VOD/SOS or other
 * severe liver toxicity diagnosed). The rules read a finding as it stands, never as it stood, so a patient's state
 * keeps only the newest record of each finding per source finding id: a later record (by examination time, then
 * arrival) replaces it whatever order the records arrive in, which keeps the stream and the calculator equal.
 *
 * <ul>
 *   <li>A finding is present when any of its kept records is present and newer than a withdrawal sent without a
 *       source finding id (which withdraws the finding as a whole from its time on).
 *   <li>A withdrawal with a source finding id withdraws that one finding.
 *   <li>A finding with no record is unknown, never absent (CRITERIA.md 1.2); one whose records are all withdrawn is
 *       absent.
 * </ul>
 */
public final class ClinicianFindings {

    /** Findings are a handful per course; the cap only guards the state's size against a misbehaving sender. */
    static final int IDENTITIES_KEPT = 100;

    static final Comparator<ClinicalFindingRecorded> NEWEST_LAST = Comparator.comparing(
                    ClinicalFindingRecorded::observedAt)
            .thenComparing(ClinicalFindingRecorded::receivedAt)
            .thenComparing(ClinicalFindingRecorded::eventId);

    private ClinicianFindings() {}

    /** {@code kept} with {@code incoming} in place of an older record of the same finding and source id. */
    static List<ClinicalFindingRecorded> with(List<ClinicalFindingRecorded> kept, ClinicalFindingRecorded incoming) {
        var updated = new ArrayList<ClinicalFindingRecorded>();
        for (var existing : kept) {
            if (existing.eventId().equals(incoming.eventId())) {
                return kept;
            }
            if (identity(existing).equals(identity(incoming))) {
                if (NEWEST_LAST.compare(existing, incoming) > 0) {
                    return kept;
                }
            } else {
                updated.add(existing);
            }
        }
        updated.add(incoming);
        updated.sort(NEWEST_LAST);
        return updated.size() <= IDENTITIES_KEPT
                ? updated
                : updated.subList(updated.size() - IDENTITIES_KEPT, updated.size());
    }

    /**
     * Whether {@code finding} stands, from the records examined at or after {@code since} (all records when
     * absent): {@code null} when none was recorded, else present or withdrawn.
     */
    public static @Nullable Boolean status(
            List<ClinicalFindingRecorded> kept, ClinicalFinding finding, @Nullable Instant since) {
        var records = of(kept, finding, since);
        if (records.isEmpty()) {
            return null;
        }
        return !presentRecords(records).isEmpty();
    }

    /** The present records that make {@code finding} stand (empty when it does not): the evidence of a decision. */
    public static List<ClinicalFindingRecorded> standing(
            List<ClinicalFindingRecorded> kept, ClinicalFinding finding, @Nullable Instant since) {
        return presentRecords(of(kept, finding, since));
    }

    /** A finding as the evidence of an assessment: its code is the finding's name, its source code in the text. */
    public static Evidence evidence(ClinicalFindingRecorded record) {
        var display = "Clinician finding: " + record.finding().name() + (record.present() ? "" : " withdrawn")
                + (record.sourceCode() == null ? "" : " (" + record.sourceCode() + ")");
        return new Evidence(
                record.eventId(),
                record.finding().name(),
                display,
                null,
                null,
                null,
                null,
                null,
                record.observedAt(),
                record.sourceMessageId());
    }

    private static List<ClinicalFindingRecorded> presentRecords(List<ClinicalFindingRecorded> records) {
        var wholeWithdrawal = records.stream()
                .filter(record -> !record.present() && record.sourceFindingId() == null)
                .max(NEWEST_LAST)
                .orElse(null);
        return records.stream()
                .filter(ClinicalFindingRecorded::present)
                .filter(record -> wholeWithdrawal == null || NEWEST_LAST.compare(record, wholeWithdrawal) > 0)
                .toList();
    }

    private static List<ClinicalFindingRecorded> of(
            List<ClinicalFindingRecorded> kept, ClinicalFinding finding, @Nullable Instant since) {
        return kept.stream()
                .filter(record -> record.finding() == finding)
                .filter(record -> since == null || !record.observedAt().isBefore(since))
                .toList();
    }

    private static String identity(ClinicalFindingRecorded record) {
        return record.finding().name() + "|" + Objects.requireNonNullElse(record.sourceFindingId(), "");
    }
}
