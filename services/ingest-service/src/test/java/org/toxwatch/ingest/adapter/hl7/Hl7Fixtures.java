package org.toxwatch.ingest.adapter.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HL7 v2 test messages under {@code src/test/resources/hl7}, segments ended by CR as on the wire. */
public final class Hl7Fixtures {

    private Hl7Fixtures() {}

    public static String message(String name) {
        try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
