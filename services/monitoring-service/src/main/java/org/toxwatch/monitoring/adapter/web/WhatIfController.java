package org.toxwatch.monitoring.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.monitoring.application.WhatIfCalculator;

/**
 * The stateless grading calculator: clinicians ask "what grade would this be?", integrators check their feed
 * against the engine. It runs the stream's own fold and grader; nothing is stored or published.
 */
@RestController
class WhatIfController {

    private final WhatIfCalculator calculator;

    WhatIfController(WhatIfCalculator calculator) {
        this.calculator = calculator;
    }

    @PostMapping(
            path = "/api/v1/grade",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<AssessmentView>> grade(@RequestBody WhatIfRequest request) {
        return Map.of("assessments", AssessmentView.of(calculator.grade(request.patient(), request.toEvents())));
    }

    /** A record constructor refused the input (a missing required field, a result without a unit, ...). */
    @ExceptionHandler({IllegalArgumentException.class, NullPointerException.class})
    ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        problem.setTitle("Invalid calculator input");
        return ResponseEntity.badRequest().body(problem);
    }
}
