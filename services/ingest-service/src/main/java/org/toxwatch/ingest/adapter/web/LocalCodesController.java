package org.toxwatch.ingest.adapter.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.ingest.application.MapLocalCode;

/** For operators: map a sender's local code to LOINC, e.g. before replaying the messages it made fail. */
@RestController
class LocalCodesController {

    private final MapLocalCode mapLocalCode;

    LocalCodesController(MapLocalCode mapLocalCode) {
        this.mapLocalCode = mapLocalCode;
    }

    record Mapping(String loinc) {}

    @PutMapping("/api/v1/local-codes/{sender}/{localCode}")
    ResponseEntity<?> map(@PathVariable String sender, @PathVariable String localCode, @RequestBody Mapping mapping) {
        try {
            mapLocalCode.map(sender, localCode, mapping.loinc());
            return ResponseEntity.ok(Map.of("sender", sender, "localCode", localCode, "loinc", mapping.loinc()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }
}
