package org.toxwatch.ingest.adapter.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * What to answer: an HTTP status and a FHIR resource (an OperationOutcome or a response Bundle).
 *
 * @param storeUnavailable Kafka did not store the events (as opposed to another copy being in progress)
 */
record FhirResponse(int status, Resource body, boolean storeUnavailable) {

    static final int OK = 200;
    static final int CREATED = 201;
    static final int BAD_REQUEST = 400;
    static final int CONTENT_TOO_LARGE = 413;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final int SERVICE_UNAVAILABLE = 503;

    /** The sender should retry (Kafka did not store the events, or another copy is being stored now). */
    boolean retryLater() {
        return status == SERVICE_UNAVAILABLE;
    }

    /** The status as a batch or transaction entry states it, e.g. {@code 201 Created}. */
    String statusLine() {
        return switch (status) {
            case OK -> "200 OK";
            case CREATED -> "201 Created";
            case BAD_REQUEST -> "400 Bad Request";
            case CONTENT_TOO_LARGE -> "413 Content Too Large";
            case UNSUPPORTED_MEDIA_TYPE -> "415 Unsupported Media Type";
            case SERVICE_UNAVAILABLE -> "503 Service Unavailable";
            default -> String.valueOf(status);
        };
    }
}
