package org.toxwatch.ingest.adapter.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

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
    private static final String PROTOCOL = "JSON";

    private final RecordClinicalEvents recordClinicalEvents;
    private final ObjectReader reader;

    SubmissionController(RecordClinicalEvents recordClinicalEvents, ObjectMapper objectMapper) {
        this.recordClinicalEvents = recordClinicalEvents;
        this.reader = objectMapper
                .reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping(path = "/api/v1/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> observations(@RequestBody String body, Principal principal) {
        var unread = new Submission(PROTOCOL, principal.getName(), null, body);
        return parse(body, ObservationRequest.class, unread, "an observation", Topics.LAB_RESULTS)
                .map(requests -> respond(recordClinicalEvents.observations(
                        new Submission(
                                PROTOCOL,
                                principal.getName(),
                                messageIdOf(requests.stream().map(ObservationRequest::sourceMessageId)),
                                body),
                        requests.stream().map(ObservationRequest::toSubmission).toList())));
    }

    @PostMapping(path = "/api/v1/therapy-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> therapyEvents(@RequestBody String body, Principal principal) {
        var unread = new Submission(PROTOCOL, principal.getName(), null, body);
        return parse(body, TherapyEventRequest.class, unread, "a therapy event", Topics.THERAPY_EVENTS)
                .map(requests -> respond(recordClinicalEvents.therapyEvents(
                        new Submission(
                                PROTOCOL,
                                principal.getName(),
                                messageIdOf(requests.stream().map(TherapyEventRequest::sourceMessageId)),
                                body),
                        requests.stream().map(TherapyEventRequest::toSubmission).toList())));
    }

    /**
     * A JSON body has no message id of its own: its items' source message ids, together, identify it. Null
     * when an item lacks one (it is then rejected, and nothing could recognise its resend anyway).
     */
    static @Nullable String messageIdOf(Stream<@Nullable String> sourceMessageIds) {
        List<@Nullable String> ids = sourceMessageIds.toList();
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            return null;
        }
        return ids.stream().map(String::trim).distinct().sorted().collect(Collectors.joining(","));
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

    private <T> Parsed<T> parse(String body, Class<T> type, Submission submission, String kind, String targetTopic) {
        try {
            String trimmed = body.stripLeading();
            List<T> items;
            if (trimmed.startsWith("[")) {
                items = reader.forType(reader.typeFactory().constructCollectionType(List.class, type))
                        .readValue(body);
            } else {
                T single = reader.forType(type).readValue(body);
                items = List.of(single);
            }
            return new Parsed<>(items, null);
        } catch (JacksonException e) {
            var violation = new Violation(fieldOf(e), "is not valid JSON for " + kind + ": " + e.getOriginalMessage());
            return new Parsed<>(
                    List.of(), respond(recordClinicalEvents.unreadable(submission, violation, targetTopic)));
        }
    }

    private static String fieldOf(JacksonException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
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

    private record Parsed<T>(List<T> items, @Nullable ResponseEntity<?> failure) {
        ResponseEntity<?> map(Function<List<T>, ResponseEntity<?>> onParsed) {
            return failure != null ? failure : onParsed.apply(items);
        }
    }
}
