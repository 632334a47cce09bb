package org.toxwatch.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** One HTTP client posting one JSON lab observation per request to ingest; success is 202 Accepted. */
public final class HttpObservationSender implements ClosedLoopLoad.Sender {

    private final HttpClient client = HttpClient.newBuilder().build();
    private final URI uri;
    private final int connection;
    private final String authorization;
    private final String collected = Instant.now().minus(Duration.ofHours(2)).toString();

    public HttpObservationSender(int port, int connection, String user, String password) {
        this.uri = URI.create("http://localhost:" + port + "/api/v1/observations");
        this.connection = connection;
        this.authorization = BasicAuthorization.header(user, password);
    }

    @Override
    public boolean sendOne(long sequence) throws Exception {
        String body = """
                {"patientId":"LOAD-HTTP-%d-%d","loinc":"751-8","value":0.4,"unit":"10*9/L",\
                "effectiveTime":"%s","referenceRange":{"low":1.8,"high":7.7},"sourceMessageId":"http-%d-%d-%d"}""".formatted(connection, sequence % 500, collected, connection, sequence, System.nanoTime());
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
    }

    @Override
    public void close() {
        client.close();
    }
}
