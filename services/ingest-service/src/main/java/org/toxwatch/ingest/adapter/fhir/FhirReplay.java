package org.toxwatch.ingest.adapter.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.toxwatch.ingest.application.RejectedMessages.RejectedMessage;
import org.toxwatch.ingest.application.ReplayRejectedMessage;

/** Replays an archived FHIR message through the same path a POST takes; the answer says how it went. */
final class FhirReplay implements ReplayRejectedMessage.ProtocolReplay {

    private final FhirIngest ingest;

    FhirReplay(FhirIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public String protocol() {
        return FhirIngest.PROTOCOL;
    }

    @Override
    public ReplayRejectedMessage.Result replay(RejectedMessage message) {
        FhirResponse answer = ingest.replay(message.rawPayload(), message.sourceSystem(), message.kind());
        if (answer.body() instanceof Bundle response) {
            long refused = response.getEntry().stream()
                    .filter(entry -> !entry.getResponse().getStatus().startsWith("2"))
                    .count();
            return new ReplayRejectedMessage.Result(
                    refused == 0,
                    refused == 0
                            ? "accepted: " + response.getEntry().size() + " entries"
                            : "answered: " + refused + " of "
                                    + response.getEntry().size() + " entries refused");
        }
        var outcome = (OperationOutcome) answer.body();
        boolean accepted = answer.status() == FhirResponse.CREATED || answer.status() == FhirResponse.OK;
        String first = outcome.getIssue().stream()
                .filter(issue -> accepted || issue.getSeverity() == IssueSeverity.ERROR)
                .map(issue -> (issue.hasExpression()
                                ? issue.getExpression().getFirst().getValue() + ": "
                                : "")
                        + issue.getDiagnostics())
                .findFirst()
                .orElse("");
        return new ReplayRejectedMessage.Result(
                accepted,
                (accepted ? "accepted: " : answer.retryLater() ? "not stored, retry: " : "rejected again: ") + first);
    }
}
