package org.toxwatch.ingest.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR JSON in and out through the one {@link FhirContext}. Unknown elements are ignored (as FHIR allows a
 * receiver to); a value that is not valid for its type (a date that is no date) rejects the resource. The
 * parser's own logging is off, so no clinical value reaches a log line.
 */
final class FhirJson {

    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    /** The resource, or why it could not be read. */
    sealed interface Parsed {
        record Read(Resource resource) implements Parsed {}

        record Unreadable(String reason) implements Parsed {}
    }

    Parsed parse(String body) {
        if (body.isBlank()) {
            return new Parsed.Unreadable("the body is empty");
        }
        IParser parser = context.newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
        try {
            IBaseResource resource = parser.parseResource(body);
            return resource instanceof Resource r ? new Parsed.Read(r) : new Parsed.Unreadable("not an R4 resource");
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            return new Parsed.Unreadable("is not readable FHIR R4 JSON: " + withoutValues(e.getMessage()));
        } catch (RuntimeException e) {
            // The parser trips on some shapes (a null where an object belongs); that is still the body's problem.
            return new Parsed.Unreadable(
                    "is not readable FHIR R4 JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The parser quotes what it could not read, which may be a name or a birth date: the element it names stays,
     * every other quoted text goes.
     */
    static String withoutValues(@org.jspecify.annotations.Nullable String message) {
        return message == null
                ? ""
                : QUOTED.matcher(message)
                        .replaceAll(match -> match.group(1) != null
                                ? java.util.regex.Matcher.quoteReplacement(match.group(1))
                                : "(not repeated)");
    }

    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile("(element=\"[^\"]*\")|\"[^\"]*\"");

    String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
