package org.toxwatch.ingest.adapter.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.ingest.application.CodeMappingAudit;
import org.toxwatch.ingest.application.MapLocalCode;

/**
 * For operators: map a sender's local code to LOINC, e.g. before replaying the messages it made fail, and read who
 * changed which mapping.
 */
@RestController
class LocalCodesController {

    private static final int MAX_PAGE = 500;

    private final MapLocalCode mapLocalCode;
    private final CodeMappingAudit audit;

    LocalCodesController(MapLocalCode mapLocalCode, CodeMappingAudit audit) {
        this.mapLocalCode = mapLocalCode;
        this.audit = audit;
    }

    record Mapping(String loinc) {}

    @PutMapping("/api/v1/local-codes/{sender}/{localCode}")
    ResponseEntity<?> map(
            @PathVariable String sender,
            @PathVariable String localCode,
            @RequestBody Mapping mapping,
            Principal operator) {
        try {
            mapLocalCode.map(sender, localCode, mapping.loinc(), operator.getName());
            return ResponseEntity.ok(Map.of("sender", sender, "localCode", localCode, "loinc", mapping.loinc()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }

    /** Who mapped which code to what, and what it stood for before, newest first. */
    @GetMapping("/api/v1/local-codes/changes")
    List<CodeMappingAudit.CodeMappingChange> changes(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, MAX_PAGE)));
    }
}
