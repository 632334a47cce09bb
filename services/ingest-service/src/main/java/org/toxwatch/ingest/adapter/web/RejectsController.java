package org.toxwatch.ingest.adapter.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.ingest.application.RejectedMessages;
import org.toxwatch.ingest.application.RejectedMessages.RejectedMessage;
import org.toxwatch.ingest.application.ReplayRejectedMessage;

/**
 * For operators: what was rejected, why, and a replay once the cause is fixed (e.g. a local code mapped). The
 * list leaves the raw payloads out (minimum necessary); one message's detail carries it.
 */
@RestController
class RejectsController {

    private final RejectedMessages rejectedMessages;
    private final ReplayRejectedMessage replayRejectedMessage;

    RejectsController(RejectedMessages rejectedMessages, ReplayRejectedMessage replayRejectedMessage) {
        this.rejectedMessages = rejectedMessages;
        this.replayRejectedMessage = replayRejectedMessage;
    }

    record RejectSummary(
            String id,
            String protocol,
            String sourceSystem,
            @Nullable String messageId,
            String targetTopic,
            Instant receivedAt,
            List<String> reasons,
            @Nullable String lastReplayOutcome) {

        static RejectSummary of(RejectedMessage message) {
            return new RejectSummary(
                    message.id(),
                    message.protocol(),
                    message.sourceSystem(),
                    message.messageId(),
                    message.targetTopic(),
                    message.receivedAt(),
                    message.reasons(),
                    message.lastReplayOutcome());
        }
    }

    @GetMapping("/api/v1/rejects")
    List<RejectSummary> latest(@RequestParam(defaultValue = "50") int limit) {
        return rejectedMessages.latest(Math.clamp(limit, 1, 500)).stream()
                .map(RejectSummary::of)
                .toList();
    }

    @GetMapping("/api/v1/rejects/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return rejectedMessages
                .find(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/api/v1/rejects/{id}/replay")
    ResponseEntity<?> replay(@PathVariable String id) {
        return replayRejectedMessage
                .replay(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    private static ResponseEntity<ProblemDetail> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No rejected message " + id));
    }
}
