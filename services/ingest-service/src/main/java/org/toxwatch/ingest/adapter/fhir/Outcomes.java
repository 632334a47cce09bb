package org.toxwatch.ingest.adapter.fhir;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.domain.Violation;

/**
 * The OperationOutcomes ToxWatch answers with. A success names the stored events (one {@code details.coding}
 * per event id, system {@value #EVENT_ID_SYSTEM}); a rejection lists every problem with its FHIRPath and names
 * the rejection kept in the dead-letter topic; a transient failure tells the sender to retry.
 */
final class Outcomes {

    static final String EVENT_ID_SYSTEM = "urn:toxwatch:event-id";
    static final String REJECTION_ID_SYSTEM = "urn:toxwatch:rejection-id";

    /** A FHIRPath starts with a resource type; other fields (e.g. "message") are not paths. */
    private static final Pattern FHIR_PATH = Pattern.compile("^[A-Z][A-Za-z]+(\\..*|\\[.*)?$");

    static OperationOutcome accepted(List<UUID> eventIds, boolean resend, boolean controlIdReused) {
        return accepted(eventIds, resend, controlIdReused, 0);
    }

    /**
     * @param skipped results skipped as not monitored (a full panel of which ToxWatch grades a few): the answer
     *     says "stored N, skipped M not monitored"
     */
    static OperationOutcome accepted(List<UUID> eventIds, boolean resend, boolean controlIdReused, int skipped) {
        var outcome = skipped == 0 ? accepted(eventIds, resend) : acceptedWithSkips(eventIds, resend, skipped);
        if (controlIdReused) {
            outcome.addIssue()
                    .setSeverity(IssueSeverity.WARNING)
                    .setCode(IssueType.DUPLICATE)
                    .setDiagnostics("Control id reused with different content: this identifier was accepted before"
                            + " with other content; this resource was recorded as a message of its own.");
        }
        return outcome;
    }

    static OperationOutcome accepted(List<UUID> eventIds, boolean resend) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(
                        eventIds.isEmpty()
                                ? "Nothing to record: a drug ToxWatch does not track, an administration not given,"
                                        + " an order that plans no dose (draft or completed), or a code whose results"
                                        + " this sender's feed may carry unmonitored. Kept in the inbound archive"
                                        + " only."
                                : resend
                                        ? "Already accepted: this is a resend, nothing new was stored. Event ids as"
                                                + " first stored."
                                        : "Accepted: " + eventIds.size()
                                                + " event(s) stored and acknowledged by Kafka.");
        eventIds.forEach(id -> issue.getDetails().addCoding(new Coding(EVENT_ID_SYSTEM, id.toString(), null)));
        return outcome;
    }

    private static OperationOutcome acceptedWithSkips(List<UUID> eventIds, boolean resend, int skipped) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics((resend ? "Already accepted, nothing new stored: " : "Accepted: ") + "stored "
                        + eventIds.size() + ", skipped " + skipped + " not monitored (results ToxWatch does not"
                        + " grade, kept in the inbound archive)"
                        + (resend ? "; event ids as first stored." : "; stored events acknowledged by Kafka."));
        eventIds.forEach(id -> issue.getDetails().addCoding(new Coding(EVENT_ID_SYSTEM, id.toString(), null)));
        return outcome;
    }

    static OperationOutcome specimenRead() {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics("Read for the condition of the specimen (hemolyzed, ...), which the results referencing"
                        + " it now carry; ToxWatch does not store specimens.");
        return outcome;
    }

    static OperationOutcome patientRead() {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics("Read for its medical record number, which the entries referencing it now carry;"
                        + " ToxWatch does not store patients.");
        return outcome;
    }

    static OperationOutcome rejected(Outcome.Rejected rejected, Map<Violation, IssueType> types) {
        var outcome = new OperationOutcome();
        rejected.violations().stream().distinct().forEach(violation -> {
            var issue = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(types.getOrDefault(violation, IssueType.INVALID))
                    .setDiagnostics(violation.message());
            if (FHIR_PATH.matcher(violation.field()).matches()) {
                issue.addExpression(violation.field());
            } else {
                issue.setDiagnostics(violation.field() + ": " + violation.message());
            }
        });
        var kept = outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.INFORMATIONAL)
                .setDiagnostics("Nothing was stored. The message is kept for review and replay as rejection "
                        + rejected.rejectionId() + ".");
        kept.getDetails()
                .addCoding(
                        new Coding(REJECTION_ID_SYSTEM, rejected.rejectionId().toString(), null));
        return outcome;
    }

    static OperationOutcome retryLater(String diagnostics) {
        var outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.TRANSIENT)
                .setDiagnostics(diagnostics);
        return outcome;
    }

    private Outcomes() {}
}
