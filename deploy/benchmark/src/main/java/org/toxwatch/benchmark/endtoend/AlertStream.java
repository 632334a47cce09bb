package org.toxwatch.benchmark.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.toxwatch.benchmark.load.BasicAuthorization;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live stream ({@code /api/v1/alerts/stream}) read as a clinician's browser reads it: the arrival time
 * of each patient's first RAISED event, and how many RAISED events arrived for each patient and toxicity family.
 */
final class AlertStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Long> firstRaisedAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> raisedByPatientAndFamily = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile Stream<String> lines = Stream.empty();

    AlertStream(String alertingBaseUrl, String user, String password) throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(alertingBaseUrl + "/api/v1/alerts/stream"))
                .header("Authorization", BasicAuthorization.header(user, password))
                .header("Accept", "text/event-stream")
                .build();
        reader = Thread.ofPlatform().name("alert-stream").daemon().start(() -> read(request));
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live alert stream did not connect within 30 s");
        }
    }

    private void read(HttpRequest request) {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the live alert stream answered " + response.statusCode());
            }
            lines = response.body();
            String event = "";
            var data = new StringBuilder();
            for (var iterator = lines.iterator(); iterator.hasNext(); ) {
                String line = iterator.next();
                if (line.startsWith(":")) {
                    connected.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                } else if (line.isEmpty()) {
                    if (event.equals("RAISED")) {
                        raised(data.toString());
                    }
                    event = "";
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                System.err.println("alert stream ended: " + e);
            }
        }
    }

    private void raised(String json) {
        long now = System.nanoTime();
        var node = JSON.readTree(json);
        String patient = node.path("patientId").asString("");
        firstRaisedAt.putIfAbsent(patient, now);
        raisedByPatientAndFamily
                .computeIfAbsent(patient + " " + node.path("family").asString(""), key -> new AtomicLong())
                .incrementAndGet();
        events.incrementAndGet();
    }

    Long firstRaisedAt(String patient) {
        return firstRaisedAt.get(patient);
    }

    long raisedEvents() {
        return events.get();
    }

    /** RAISED events by "patient family". */
    Map<String, AtomicLong> raisedByPatientAndFamily() {
        return raisedByPatientAndFamily;
    }

    @Override
    public void close() {
        reader.interrupt();
        lines.close();
    }
}
