package org.toxwatch.ingest.adapter.fhir;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.ingest.domain.InputHygiene;

/**
 * The FHIR R4 REST endpoint (JSON). HTTP only: the body is read as strict UTF-8 (invalid bytes are refused, not
 * replaced) up to {@code toxwatch.ingest.max-body-bytes} (413 beyond), the sender is the authenticated
 * integration user, and {@link FhirIngest}'s answer is written as {@code application/fhir+json}, with
 * {@code Retry-After} on 503. No {@code Location}: ToxWatch keeps events, not readable FHIR resources.
 */
@RestController
@RequestMapping("/fhir")
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final int KEPT_OF_OVERSIZED = 4096;

    private final FhirIngest ingest;
    private final FhirJson json;
    private final CapabilityStatement capabilities;

    private final int maxBodyBytes;

    FhirController(
            FhirIngest ingest,
            FhirJson json,
            Clock clock,
            @Value("${toxwatch.ingest.max-body-bytes:1048576}") int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.ingest = ingest;
        this.json = json;
        this.capabilities = ServerCapabilities.statement(clock.instant());
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json.encode(capabilities));
    }

    @PostMapping("/" + FhirIngest.OBSERVATION)
    ResponseEntity<String> observation(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.OBSERVATION, body, contentType, sender);
    }

    @PostMapping("/" + FhirIngest.MEDICATION_ADMINISTRATION)
    ResponseEntity<String> medicationAdministration(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.MEDICATION_ADMINISTRATION, body, contentType, sender);
    }

    @PostMapping("/" + FhirIngest.CONDITION)
    ResponseEntity<String> condition(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.CONDITION, body, contentType, sender);
    }

    @PostMapping("/" + FhirIngest.MEDICATION_REQUEST)
    ResponseEntity<String> medicationRequest(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.MEDICATION_REQUEST, body, contentType, sender);
    }

    @PostMapping("/" + FhirIngest.PATIENT)
    ResponseEntity<String> patient(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.PATIENT, body, contentType, sender);
    }

    @PostMapping("/" + FhirIngest.ENCOUNTER)
    ResponseEntity<String> encounter(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return create(FhirIngest.ENCOUNTER, body, contentType, sender);
    }

    @PostMapping({"", "/"})
    ResponseEntity<String> bundle(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            Principal sender) {
        return receive("Bundle", body, contentType, sender, text -> ingest.bundle(text, sender.getName()));
    }

    private ResponseEntity<String> create(
            String resourceType, byte @Nullable [] body, @Nullable String contentType, Principal sender) {
        return receive(
                resourceType, body, contentType, sender, text -> ingest.create(resourceType, text, sender.getName()));
    }

    private ResponseEntity<String> receive(
            String resourceType,
            byte @Nullable [] body,
            @Nullable String contentType,
            Principal sender,
            Function<String, FhirResponse> intake) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBodyBytes) {
            String head = new String(bytes, 0, KEPT_OF_OVERSIZED, StandardCharsets.UTF_8);
            return write(ingest.tooLarge(resourceType, head, bytes.length, maxBodyBytes, sender.getName()));
        }
        InputHygiene.Decoded text = InputHygiene.decode(bytes, StandardCharsets.UTF_8);
        if (!readable(contentType)) {
            return write(
                    ingest.unsupportedFormat(resourceType, text.text(), sender.getName(), String.valueOf(contentType)));
        }
        if (text.problem() != null) {
            return write(ingest.malformed(resourceType, text.text(), sender.getName(), text.problem()));
        }
        return write(intake.apply(text.text()));
    }

    /** FHIR JSON ({@code application/fhir+json}, the older {@code application/json+fhir}) or plain JSON. */
    private static boolean readable(@Nullable String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private ResponseEntity<String> write(FhirResponse response) {
        var builder = ResponseEntity.status(response.status()).contentType(FHIR_JSON);
        if (response.retryLater()) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.body(json.encode(response.body()));
    }
}
