package org.toxwatch.benchmark.load;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP client posting one FHIR R4 lab Observation per request to ingest's {@code Observation} endpoint, as a
 * system that sends each result as it is verified does; success is 201 Created. Each Observation has an identifier
 * of its own, so none is answered as a resend (200).
 */
public final class FhirObservationSender implements ClosedLoopLoad.Sender {

    private final FhirPoster poster;
    private final int connection;
    private final String collected = Instant.now().minus(Duration.ofHours(2)).toString();
    private final long run = System.nanoTime();

    public FhirObservationSender(int port, int connection, String user, String password) {
        this.poster = new FhirPoster(port, "/fhir/Observation", user, password);
        this.connection = connection;
    }

    @Override
    public boolean sendOne(long sequence) throws Exception {
        return poster.post(observation(sequence)) == 201;
    }

    String observation(long sequence) {
        String key = "fhir-single-" + run + "-" + connection + "-" + sequence;
        String patient = "LOAD-FHIR-SINGLE-" + connection + "-" + sequence % 500;
        return FhirObservations.observation(key, (int) (sequence % FhirObservations.ANALYTES), patient, collected);
    }

    @Override
    public void close() {
        poster.close();
    }
}
