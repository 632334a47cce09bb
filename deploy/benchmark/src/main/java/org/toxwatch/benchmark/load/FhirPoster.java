package org.toxwatch.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One HTTP client posting FHIR JSON to one ingest endpoint as the integration account; answers the status. */
final class FhirPoster implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().build();
    private final URI uri;
    private final String authorization;

    FhirPoster(int port, String path, String user, String password) {
        this.uri = URI.create("http://localhost:" + port + path);
        this.authorization = BasicAuthorization.header(user, password);
    }

    int post(String body) throws Exception {
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        client.close();
    }
}
