package org.toxwatch.ingest.adapter.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.toxwatch.ingest.domain.Violation;

/**
 * Something wrong with a FHIR resource that mapping found before validation, located by FHIRPath.
 *
 * @param type {@code invalid} for content a sender can fix, {@code not-supported} for what ToxWatch does not take
 * @param expression FHIRPath of the offending element, e.g. {@code Observation.status}
 */
record Problem(IssueType type, String expression, String diagnostics) {

    static Problem invalid(String expression, String diagnostics) {
        return new Problem(IssueType.INVALID, expression, diagnostics);
    }

    static Problem notSupported(String expression, String diagnostics) {
        return new Problem(IssueType.NOTSUPPORTED, expression, diagnostics);
    }

    Violation toViolation() {
        return new Violation(expression, diagnostics);
    }
}
