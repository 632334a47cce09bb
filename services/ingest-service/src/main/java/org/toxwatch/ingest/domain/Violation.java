package org.toxwatch.ingest.domain;

/**
 * One specific reason an input is rejected.
 *
 * @param field where the problem is, e.g. {@code [2].unit} or {@code effectiveTime}
 * @param message what is wrong, in words an integration engineer can act on
 */
public record Violation(String field, String message) {

    public Violation atIndex(int index) {
        return new Violation("[" + index + "]." + field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
