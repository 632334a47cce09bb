package org.toxwatch.benchmark.load;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header of HTTP Basic, as every client of the benchmark sends it. */
public final class BasicAuthorization {

    private BasicAuthorization() {}

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
