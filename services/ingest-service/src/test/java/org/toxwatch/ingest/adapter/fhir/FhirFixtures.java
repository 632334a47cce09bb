package org.toxwatch.ingest.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The FHIR resources under {@code src/test/resources/fhir}, written from the FHIR R4 specification's examples. */
final class FhirFixtures {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static String json(String name) {
        try (InputStream in = FhirFixtures.class.getResourceAsStream("/fhir/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends IBaseResource> T resource(String name, Class<T> type) {
        return FHIR.newJsonParser().parseResource(type, json(name));
    }

    private FhirFixtures() {}
}
