package org.toxwatch.ingest.adapter.web;

import java.net.URI;
import java.security.Principal;
import java.util.Map;
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
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;

/**
 * The plain JSON entry point. A body is one item or an array of items; it is accepted whole (202 with the
 * event ids, once Kafka holds every event) or rejected whole (400, RFC 9457 problem details listing every
 * invalid field; the raw body goes to the dead-letter topic). 503 with Retry-After when Kafka is unavailable.
 */
@RestController
class SubmissionController {

    static final URI INVALID_SUBMISSION = URI.create("urn:toxwatch:problem:invalid-submission");
    static final URI NOT_STORED = URI.create("urn:toxwatch:problem:not-stored");
    static final URI IN_PROGRESS = URI.create("urn:toxwatch:problem:in-progress");
    private static final String RETRY_AFTER_SECONDS = "5";

    private final JsonIntake intake;

    SubmissionController(JsonIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> observations(@RequestBody String body, Principal principal) {
        return respond(intake.observations(body, principal.getName()));
    }

    @PostMapping(path = "/api/v1/therapy-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> therapyEvents(@RequestBody String body, Principal principal) {
        return respond(intake.therapyEvents(body, principal.getName()));
    }

    @PostMapping(path = "/api/v1/neuro-assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> neuroAssessments(@RequestBody String body, Principal principal) {
        return respond(intake.neuroAssessments(body, principal.getName()));
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
                ResponseEntity.accepted().body(Map.of("eventIds", accepted.eventIds(), "resend", accepted.resend()));
            case Outcome.Rejected rejected -> ResponseEntity.badRequest().body(problem(rejected));
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

    private static ProblemDetail problem(Outcome.Rejected rejected) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                rejected.violations().size() + " problem(s); nothing was stored. The submission was kept as rejection "
                        + rejected.rejectionId() + ".");
        problem.setType(INVALID_SUBMISSION);
        problem.setTitle("Invalid submission");
        problem.setProperty("rejectionId", rejected.rejectionId());
        problem.setProperty(
                "errors",
                rejected.violations().stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message()))
                        .toList());
        return problem;
    }
}
