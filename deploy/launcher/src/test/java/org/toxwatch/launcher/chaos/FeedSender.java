package org.toxwatch.launcher.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the courses to ingest as a careful interface engine would: each patient's draws in order, one at a
 * time; a draw that is not acknowledged (connection lost, 503) is sent again, to the next ingest instance, with
 * the same content and ids, until it is. A permanent rejection (4xx) fails the run: the feed is valid.
 */
final class FeedSender {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the sender saw. */
    record Figures(long events, long requests, long retries, long resendsRecognised, Duration took) {}

    private final List<String> ingestUrls;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicLong eventsAcknowledged = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicInteger nextInstance = new AtomicInteger();

    FeedSender(List<String> ingestUrls, String authorization) {
        this.ingestUrls = List.copyOf(ingestUrls);
        this.authorization = authorization;
    }

    /** Events acknowledged so far: what the fault schedule keys on. */
    long eventsAcknowledged() {
        return eventsAcknowledged.get();
    }

    IntSupplier progress() {
        return () -> (int) eventsAcknowledged.get();
    }

    /** Sends every course with {@code senders} parallel connections and returns once all are acknowledged. */
    Figures send(List<ClinicalCourses.Course> courses, int senders) throws Exception {
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                futures.add(pool.submit(() -> {
                    for (int c = sender; c < courses.size(); c += senders) {
                        sendCourse(courses.get(c));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Figures(
                eventsAcknowledged.get(),
                requests.get(),
                retries.get(),
                resends.get(),
                Duration.between(start, Instant.now()));
    }

    private void sendCourse(ClinicalCourses.Course course) throws InterruptedException {
        for (ClinicalCourses.Draw draw : course.draws()) {
            sendUntilAcknowledged(
                    bodyOf(course.patientId(), draw), draw.results().size());
        }
    }

    private void sendUntilAcknowledged(String body, int events) throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        long backoffMillis = 100;
        while (true) {
            String url = ingestUrls.get(Math.floorMod(nextInstance.getAndIncrement(), ingestUrls.size()));
            requests.incrementAndGet();
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v1/observations"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202 || response.statusCode() == 200) {
                    eventsAcknowledged.addAndGet(events);
                    if (response.body().contains("\"resend\":true")) {
                        resends.incrementAndGet();
                    }
                    return;
                }
                if (response.statusCode() != 503 && response.statusCode() < 500) {
                    throw new IllegalStateException(
                            "ingest refused a valid draw with " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                // the instance is down or went down mid-request: send it again
            }
            retries.incrementAndGet();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("a draw was not acknowledged within " + GIVE_UP_AFTER);
            }
            Thread.sleep(backoffMillis);
            backoffMillis = Math.min(2_000, backoffMillis * 2);
        }
    }

    private static String bodyOf(String patientId, ClinicalCourses.Draw draw) {
        var items = new ArrayList<Map<String, Object>>();
        for (ClinicalCourses.Result result : draw.results()) {
            var item = new LinkedHashMap<String, Object>();
            item.put("patientId", patientId);
            item.put("loinc", result.loinc());
            item.put("value", result.value());
            item.put("unit", result.unit());
            item.put("effectiveTime", draw.collectedAt().toString());
            item.put("referenceRange", Map.of("low", result.low(), "high", result.high()));
            item.put("sourceMessageId", draw.sourceMessagePrefix() + "-" + result.loinc());
            items.add(item);
        }
        return JSON.writeValueAsString(items);
    }
}
