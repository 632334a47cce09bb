package org.toxwatch.monitoring.adapter.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.toxwatch.monitoring.application.PatientStates.StateUnavailable;
import org.toxwatch.monitoring.application.ReadAssessments;

/**
 * A patient's current grade for every criterion, with the evidence. Works with any number of monitoring
 * instances: a request for a patient held by another instance is answered by that instance.
 */
@RestController
class PatientAssessmentsController {

    private final ReadAssessments readAssessments;
    private final RestClient forwarding;

    PatientAssessmentsController(ReadAssessments readAssessments) {
        this.readAssessments = readAssessments;
        this.forwarding = RestClient.create();
    }

    @GetMapping(path = "/api/v1/patients/{patientId}/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> assessments(
            @PathVariable String patientId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return switch (readAssessments.of(patientId)) {
            case ReadAssessments.Answer.Current current -> ResponseEntity.ok(AssessmentView.of(current.assessments()));
            case ReadAssessments.Answer.AskElsewhere elsewhere ->
                ResponseEntity.ok(forwarding
                        .get()
                        .uri(
                                "http://{host}/api/v1/patients/{patientId}/assessments",
                                elsewhere.hostAndPort(),
                                patientId)
                        .headers(headers -> {
                            if (authorization != null) {
                                headers.set(HttpHeaders.AUTHORIZATION, authorization);
                            }
                        })
                        .retrieve()
                        .body(List.class));
        };
    }

    @ExceptionHandler(StateUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(StateUnavailable e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Patient state not available yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem);
    }
}
