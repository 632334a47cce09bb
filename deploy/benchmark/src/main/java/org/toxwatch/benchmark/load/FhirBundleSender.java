package org.toxwatch.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    public static final int OBSERVATIONS = 10;

    /** LOINC, value, UCUM unit, reference low and high: the benchmark's ORU^R01 results and five more. */
    private static final String[][] PANEL = {
        {"751-8", "0.4", "10*9/L", "1.8", "7.7"},
        {"777-3", "42", "10*9/L", "150", "400"},
        {"718-7", "78", "g/L", "120", "160"},
        {"1742-6", "212", "U/L", "7", "56"},
        {"1975-2", "41", "umol/L", "3", "21"},
        {"6690-2", "1.1", "10*9/L", "4", "11"},
        {"731-0", "0.3", "10*9/L", "1", "4.8"},
        {"1920-8", "64", "U/L", "10", "40"},
        {"1988-5", "96", "mg/L", "0", "5"},
        {"2823-3", "3.9", "mmol/L", "3.5", "5.1"}
    };

    private final HttpClient client = HttpClient.newBuilder().build();
    private final URI uri;
    private final int connection;
    private final String authorization;
    private final String collected = Instant.now().minus(Duration.ofHours(2)).toString();
    private final long run = System.nanoTime();

    public FhirBundleSender(int port, int connection, String user, String password) {
        this.uri = URI.create("http://localhost:" + port + "/fhir");
        this.connection = connection;
        this.authorization = BasicAuthorization.header(user, password);
    }

    @Override
    public boolean sendOne(long sequence) throws Exception {
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(bundle(sequence)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    String bundle(long sequence) {
        String key = "fhir-" + run + "-" + connection + "-" + sequence;
        String patient = "LOAD-FHIR-" + connection + "-" + sequence % 500;
        var entries = new StringJoiner(",");
        for (int i = 0; i < OBSERVATIONS; i++) {
            String[] result = PANEL[i % PANEL.length];
            entries.add("""
                    {"fullUrl":"urn:uuid:00000000-0000-4000-8000-%012d","request":{"method":"POST","url":"Observation"},\
                    "resource":{"resourceType":"Observation",\
                    "identifier":[{"system":"urn:oid:2.16.840.1.113883.19.5.1","value":"%s-%d"}],\
                    "status":"final",\
                    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",\
                    "code":"laboratory"}]}],\
                    "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},\
                    "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",\
                    "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"},\
                    "referenceRange":[{"low":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"},\
                    "high":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}}]}}""".formatted(
                            i, key, i, result[0], patient, collected, result[1], result[2], result[3], result[2],
                            result[4], result[2]));
        }
        return """
                {"resourceType":"Bundle","type":"transaction",\
                "identifier":{"system":"urn:oid:2.16.840.1.113883.19.5.2","value":"%s"},"entry":[%s]}""".formatted(key, entries);
    }

    @Override
    public void close() {
        client.close();
    }
}
