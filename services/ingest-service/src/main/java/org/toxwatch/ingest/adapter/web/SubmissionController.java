package org.toxwatch.ingest.adapter.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.domain.InputHygiene;

/**
 * The plain JSON entry point. A body is one item or an array of items; it is accepted whole (202 with the
 * event ids, once Kafka holds every event; {@code stored} and {@code skipped} count the results stored and those
 * skipped as not monitored, whose codes {@code notMonitored} lists) or rejected whole (400, RFC 9457 problem details listing every
 * invalid field; the raw body goes to the dead-letter topic; 413 for a body over the size limit). 503 with
 * Retry-After only when Kafka or the archive is unavailable: a problem with the body itself is never "retry".
 * The body is read as bytes and decoded strictly, so invalid UTF-8 is refused rather than silently replaced.
 */
@RestController
class SubmissionController {

    static final URI INVALID_SUBMISSION = URI.create("urn:toxwatch:problem:invalid-submission");
    static final URI NOT_STORED = URI.create("urn:toxwatch:problem:not-stored");
    static final URI IN_PROGRESS = URI.create("urn:toxwatch:problem:in-progress");
    private static final String RETRY_AFTER_SECONDS = "5";

    static final URI TOO_LARGE = URI.create("urn:toxwatch:problem:too-large");
    private static final int KEPT_OF_OVERSIZED = 4096;

    private final JsonIntake intake;
    private final int maxBodyBytes;

    SubmissionController(JsonIntake intake, @Value("${toxwatch.ingest.max-body-bytes:1048576}") int maxBodyBytes) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping(path = "/api/v1/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> observations(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.LAB_OR_VITAL_OBSERVATIONS, intake::observations);
    }

    @PostMapping(path = "/api/v1/therapy-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> therapyEvents(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.THERAPY_EVENTS, intake::therapyEvents);
    }

    @PostMapping(path = "/api/v1/neuro-assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> neuroAssessments(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.NEURO_ASSESSMENTS, intake::neuroAssessments);
    }

    @PostMapping(path = "/api/v1/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> findings(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.CLINICAL_FINDINGS, intake::clinicalFindings);
    }

    /** Planned doses have their own resource, not a therapy-event type: a plan is never read as a dose given. */
    @PostMapping(path = "/api/v1/dose-plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> dosePlans(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.DOSE_PLANS, intake::dosePlans);
    }

    /** Demographics and location; names and birth dates are never logged or quoted in a reason. */
    @PostMapping(path = "/api/v1/patients", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> patients(@RequestBody(required = false) byte @Nullable [] body, Principal principal) {
        return receive(body, principal, InputKind.PATIENTS, intake::patients);
    }

    private ResponseEntity<?> receive(
            byte @Nullable [] body,
            Principal principal,
            InputKind kind,
            BiFunction<String, String, Outcome> intakeOfText) {
        byte[] bytes = body == null ? new byte[0] : body;
        String sender = principal.getName();
        if (bytes.length > maxBodyBytes) {
            String head = new String(bytes, 0, KEPT_OF_OVERSIZED, StandardCharsets.UTF_8);
            Outcome outcome = intake.tooLarge(head, bytes.length, maxBodyBytes, sender, kind);
            return outcome instanceof Outcome.Rejected rejected
                    ? ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                            .body(problem(rejected, HttpStatus.CONTENT_TOO_LARGE))
                    : respond(outcome);
        }
        InputHygiene.Decoded text = InputHygiene.decode(bytes, StandardCharsets.UTF_8);
        if (text.problem() != null) {
            return respond(intake.malformed(text.text(), text.problem(), sender, kind));
        }
        return respond(intakeOfText.apply(text.text(), sender));
    }

    @ExceptionHandler(EventsNotStored.class)
    ResponseEntity<ProblemDetail> notStored(EventsNotStored e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Nothing was stored: " + e.getMessage() + ". Retry later.");
        problem.setType(NOT_STORED);
        problem.setTitle("Event store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static ResponseEntity<?> respond(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                ResponseEntity.accepted()
                        .body(Map.of(
                                "eventIds",
                                accepted.eventIds(),
                                "resend",
                                accepted.resend(),
                                "controlIdReused",
                                accepted.controlIdReused(),
                                "stored",
                                accepted.stored(),
                                "skipped",
                                accepted.skipped(),
                                "notMonitored",
                                accepted.notMonitored()));
            case Outcome.Rejected rejected ->
                ResponseEntity.badRequest().body(problem(rejected, HttpStatus.BAD_REQUEST));
            case Outcome.InProgress inProgress -> {
                var problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Another copy of this message is being stored right now. Retry later for its outcome.");
                problem.setType(IN_PROGRESS);
                problem.setTitle("Same message in progress");
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .body(problem);
            }
        };
    }

    private static ProblemDetail problem(Outcome.Rejected rejected, HttpStatus status) {
        var problem = ProblemDetail.forStatusAndDetail(
                status,
                rejected.violations().size() + " problem(s); nothing was stored. The submission was kept as rejection "
                        + rejected.rejectionId() + ".");
        problem.setType(status == HttpStatus.CONTENT_TOO_LARGE ? TOO_LARGE : INVALID_SUBMISSION);
        problem.setTitle(status == HttpStatus.CONTENT_TOO_LARGE ? "Submission too large" : "Invalid submission");
        problem.setProperty("rejectionId", rejected.rejectionId());
        problem.setProperty(
                "errors",
                rejected.violations().stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message()))
                        .toList());
        return problem;
    }
}
