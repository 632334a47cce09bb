package org.toxwatch.benchmark.load;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * One HTTP client posting FHIR R4 transaction Bundles of {@link #OBSERVATIONS} lab Observations (one patient's
 * panel) to ingest, as a laboratory system that speaks FHIR sends them; success is 200 with a
 * transaction-response. Each Bundle has an identifier of its own, so none is answered as a resend.
 */
public final class FhirBundleSender implements ClosedLoopLoad.Sender {

    /** Observations per Bundle. */
    public static final int OBSERVATIONS = FhirObservations.ANALYTES;

    private final FhirPoster poster;
    private final int connection;
    private final String collected = Instant.now().minus(Duration.ofHours(2)).toString();
    private final long run = System.nanoTime();

    public FhirBundleSender(int port, int connection, String user, String password) {
        this.poster = new FhirPoster(port, "/fhir", user, password);
        this.connection = connection;
    }

    @Override
    public boolean sendOne(long sequence) throws Exception {
        return poster.post(bundle(sequence)) == 200;
    }

    String bundle(long sequence) {
        String key = "fhir-" + run + "-" + connection + "-" + sequence;
        String patient = "LOAD-FHIR-" + connection + "-" + sequence % 500;
        var entries = new StringJoiner(",");
        for (int i = 0; i < OBSERVATIONS; i++) {
            entries.add("""
                    {"fullUrl":"urn:uuid:00000000-0000-4000-8000-%012d","request":{"method":"POST","url":"Observation"},\
                    "resource":%s}""".formatted(i, FhirObservations.observation(key, i, patient, collected)));
        }
        return """
                {"resourceType":"Bundle","type":"transaction",\
                "identifier":{"system":"urn:oid:2.16.840.1.113883.19.5.2","value":"%s"},"entry":[%s]}""".formatted(key, entries);
    }

    @Override
    public void close() {
        poster.close();
    }
}
