package org.toxwatch.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP client posting one FHIR R4 lab Observation per request to ingest's {@code Observation} endpoint, as a
 * system that sends each result as it is verified does; success is 201 Created. Each Observation has an identifier
 * of its own, so none is answered as a resend (200).
 */
public final class FhirObservationSender implements ClosedLoopLoad.Sender {

    private final HttpClient client = HttpClient.newBuilder().build();
    private final URI uri;
    private final int connection;
    private final String authorization;
    private final String collected = Instant.now().minus(Duration.ofHours(2)).toString();
    private final long run = System.nanoTime();

    public FhirObservationSender(int port, int connection, String user, String password) {
        this.uri = URI.create("http://localhost:" + port + "/fhir/Observation");
        this.connection = connection;
        this.authorization = BasicAuthorization.header(user, password);
    }

    @Override
    public boolean sendOne(long sequence) throws Exception {
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(observation(sequence)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    }

    String observation(long sequence) {
        String key = "fhir-single-" + run + "-" + connection + "-" + sequence;
        String patient = "LOAD-FHIR-SINGLE-" + connection + "-" + sequence % 500;
        return FhirObservations.observation(key, (int) (sequence % FhirObservations.ANALYTES), patient, collected);
    }

    @Override
    public void close() {
        client.close();
    }
}
