package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toxwatch.launcher.fuzz.Answers;
import org.toxwatch.launcher.fuzz.EntryPoint;
import org.toxwatch.launcher.fuzz.FuzzInput;
import org.toxwatch.launcher.fuzz.FuzzPlan;
import org.toxwatch.launcher.fuzz.FuzzTally;
import org.toxwatch.launcher.fuzz.Hl7Inputs;
import org.toxwatch.launcher.fuzz.JsonInputs;
import org.toxwatch.launcher.fuzz.MllpClient;
import org.toxwatch.launcher.fuzz.Mutation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline fuzz: generated and mutated inputs, biased toward what hostile senders send, on every entry
 * point of the three running services (JSON and FHIR over HTTP, HL7 over a real MLLP socket), several
 * connections at once. Whatever comes in: no 5xx, every HL7 message acknowledged honestly, every rejection
 * listed, every service live and ready throughout, and afterwards a new patient's ANC 0.3 still becomes its
 * grade-4 alert. A failing input is reduced to its smallest failing set of mutations and printed with its
 * seed.
 *
 * <p>The build sends {@value FuzzPlan#CI_INPUTS} inputs per entry point, the first of the full run's 10,000:
 * {@code FuzzPlanTest} shows they hold every attack that found a bug in the full run, each many times. The full
 * run: {@code -Dtoxwatch.fuzz.inputs=10000}; longer: {@code 100000}; another: {@code -Dtoxwatch.fuzz.seed=...}.
 */
@ExtendWith(RunningPlatform.Shared.class)
@Order(Integer.MAX_VALUE)
class PipelineFuzzIT {

    private static final FuzzPlan PLAN = FuzzPlan.fromSystemProperties();
    private static final int INPUTS = PLAN.inputs();
    private static final long SEED = PLAN.seed();
    private static final int CONNECTIONS = Integer.getInteger("toxwatch.fuzz.connections", 3);

    private static final String HEALTH = "every service stays live and ready";
    private static final String REACHABLE = "a rejection id given to the sender answers at /api/v1/rejects/{id}";
    private static final String HL7_LISTED = "an HL7 message answered AE is listed at /api/v1/rejects";
    private static final String STILL_GRADES = "afterwards a new patient's ANC 0.3 becomes its grade-4 alert";
    private static final List<String> PER_INPUT = List.of(
            Answers.NO_5XX,
            Answers.ANSWERED,
            Answers.REJECTION_LISTED,
            Answers.ACK_FRAME,
            Answers.AR_TRANSIENT,
            Answers.NO_EMPTY_AA);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ConcurrentLinkedQueue<String> runViolations = new ConcurrentLinkedQueue<>();
    private final Map<String, Unhealthy> unhealthy = new ConcurrentSkipListMap<>();
    private RunningPlatform running;
    private JsonInputs json;
    private Hl7Inputs hl7;

    /** What one input got back. */
    private record Outcome(
            String answer, boolean accepted, List<String> violated, String detail, Optional<String> rejectionId) {}

    @Test
    void hostileInputsOnEveryEntryPointNeverBreakThePipelineAndGradingGoesOn() throws Exception {
        running = RunningPlatform.shared();
        Instant now = Instant.now();
        json = new JsonInputs(now);
        hl7 = new Hl7Inputs(now);
        var tallies = new EnumMap<EntryPoint, FuzzTally>(EntryPoint.class);
        for (EntryPoint entryPoint : EntryPoint.values()) {
            tallies.put(entryPoint, new FuzzTally(entryPoint));
        }
        Instant started = Instant.now();
        var watch = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("fuzz-health").daemon().factory());
        watch.scheduleWithFixedDelay(() -> checkHealth(started), 2, 3, TimeUnit.SECONDS);
        try (var floods = Executors.newVirtualThreadPerTaskExecutor()) {
            var fuzzing = new ArrayList<Future<?>>();
            for (FuzzTally tally : tallies.values()) {
                fuzzing.add(floods.submit(() -> flood(tally)));
            }
            for (Future<?> flood : fuzzing) {
                flood.get();
            }
        }
        // Not shutdownNow(): an interrupt mid-check would be recorded as the services' answer ("interrupted").
        watch.shutdown();
        watch.awaitTermination(30, TimeUnit.SECONDS);
        Duration floodTime = Duration.between(started, Instant.now());
        checkHealth(started);
        unhealthy.forEach((probe, failure) -> runViolations.add(HEALTH + ": " + probe + " " + failure));

        resolveRejectionIds(tallies.get(EntryPoint.JSON));
        resolveRejectionIds(tallies.get(EntryPoint.FHIR));
        checkHl7RejectsAreListed();
        Duration gradingTime = checkGradingGoesOn();
        List<String> minimal = shrinkFirstViolations(tallies.values());

        System.out.printf(
                "[fuzz] seed=%d inputs per entry point=%d (huge every %d) connections per entry point=%d%n",
                SEED, INPUTS, PLAN.hugeEvery(), CONNECTIONS);
        tallies.values().forEach(tally -> System.out.println("[fuzz] " + tally.figures()));
        System.out.printf(
                "[fuzz] flood %.1f s; the ANC 0.3 afterwards became its alert in %.1f s; total %.1f s%n",
                floodTime.toMillis() / 1000.0,
                gradingTime.toMillis() / 1000.0,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        runViolations.forEach(violation -> System.out.println("[fuzz] VIOLATED " + violation));
        minimal.forEach(example -> System.out.println("[fuzz] MINIMAL " + example));

        var broken = new ArrayList<String>(runViolations);
        tallies.values()
                .forEach(tally -> tally.violationCounts()
                        .forEach((property, count) -> broken.add(tally.entryPoint() + ": " + property + " x" + count)));
        assertThat(broken)
                .as("properties broken (minimal failing inputs above and here):%n%s", String.join("\n", minimal))
                .isEmpty();
        assertThat(tallies.values())
                .allSatisfy(tally -> assertThat(tally.inputs()).isEqualTo(INPUTS));
    }

    private void flood(FuzzTally tally) {
        var next = new AtomicInteger();
        var workers = new ArrayList<Thread>();
        Instant started = Instant.now();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(Thread.ofVirtual()
                    .name("fuzz-" + tally.entryPoint() + "-" + c)
                    .start(() -> {
                        try (var connection = new Connection()) {
                            for (int i = next.getAndIncrement(); i < INPUTS; i = next.getAndIncrement()) {
                                FuzzInput input = generate(tally.entryPoint(), i);
                                Outcome outcome = send(input, connection);
                                tally.record(
                                        input,
                                        outcome.answer(),
                                        outcome.accepted(),
                                        outcome.violated(),
                                        outcome.detail());
                                outcome.rejectionId().ifPresent(tally::rejectionId);
                            }
                        }
                    }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        tally.elapsed(Duration.between(started, Instant.now()));
    }

    private FuzzInput generate(EntryPoint entryPoint, int index) {
        return PLAN.input(entryPoint, index, json, hl7);
    }

    private FuzzInput rebuild(FuzzInput input, List<Mutation> mutations, String salt) {
        return input.entryPoint() == EntryPoint.HL7
                ? hl7.build(input.sampleSeed(), mutations, salt)
                : json.build(input.entryPoint(), input.sampleSeed(), mutations, salt);
    }

    private Outcome send(FuzzInput input, Connection connection) {
        return input.entryPoint() == EntryPoint.HL7 ? sendOverMllp(input, connection) : sendOverHttp(input);
    }

    private Outcome sendOverHttp(FuzzInput input) {
        var request = HttpRequest.newBuilder(URI.create(running.baseUrl(ServiceKind.INGEST) + input.target()))
                .header(
                        "Content-Type",
                        input.entryPoint() == EntryPoint.FHIR ? "application/fhir+json" : "application/json")
                .header("Authorization", RunningPlatform.basic("integration"))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(input.body()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String body = response.body();
            return new Outcome(
                    String.valueOf(status),
                    status / 100 == 2,
                    Answers.httpViolations(input.entryPoint(), status, body),
                    status + " " + abbreviate(body),
                    status >= 400 && status < 500 ? Answers.rejectionId(input.entryPoint(), body) : Optional.empty());
        } catch (IOException e) {
            return new Outcome("no-answer", false, List.of(Answers.ANSWERED), e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Outcome sendOverMllp(FuzzInput input, Connection connection) {
        String ack = connection.send(input.body());
        List<String> violated = Answers.mllpViolations(ack);
        String code = ack == null
                ? "no-ack"
                : Answers.parseAck(ack).map(Answers.Ack::code).orElse("unreadable-ack");
        return new Outcome(
                code,
                code.equals("AA"),
                violated,
                ack == null ? "no ACK frame" : abbreviate(ack.replace("\r", " <CR> ")),
                Optional.empty());
    }

    /** An MLLP connection that is opened again after a failure, as a sending system does. */
    private final class Connection implements AutoCloseable {

        private MllpClient client;

        /** The ACK, or null when none came back even on a new connection. */
        String send(byte[] message) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (client == null) {
                        client = new MllpClient("localhost", running.mllpPort(), Duration.ofMinutes(2));
                    }
                    return client.send(message);
                } catch (IOException e) {
                    // A connection the listener closed after the previous message: once more on a new one.
                    close();
                }
            }
            return null;
        }

        @Override
        public void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                client = null;
            }
        }
    }

    private void checkHealth(Instant started) {
        for (ServiceKind kind : ServiceKind.values()) {
            for (String probe : List.of("liveness", "readiness")) {
                String status = probe(kind, "/actuator/health/" + probe);
                if (!status.equals("200")) {
                    long at = Duration.between(started, Instant.now()).toSeconds();
                    unhealthy.merge(
                            kind.artifactId() + " " + probe,
                            new Unhealthy(status, at, 1),
                            (first, again) -> new Unhealthy(first.status(), first.at(), first.checks() + 1));
                }
            }
        }
    }

    /** A probe that failed: its first failing answer, when, and how many checks failed. */
    private record Unhealthy(String status, long at, int checks) {
        @Override
        public String toString() {
            return "answered " + status + " first at +" + at + " s; " + checks + " check(s) failed";
        }
    }

    private String probe(ServiceKind kind, String path) {
        try {
            return String.valueOf(http.send(
                            HttpRequest.newBuilder(URI.create(running.baseUrl(kind) + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Spot check: fifty rejection ids spread over the run, each must open the rejected message. */
    private void resolveRejectionIds(FuzzTally tally) throws Exception {
        List<String> ids = tally.rejectionIds();
        int step = Math.max(1, ids.size() / 50);
        int checked = 0;
        var unreachable = new ArrayList<String>();
        for (int i = 0; i < ids.size(); i += step, checked++) {
            var response = get(ServiceKind.INGEST, "/api/v1/rejects/" + ids.get(i), "operator");
            if (response.statusCode() != 200) {
                unreachable.add(ids.get(i) + " -> " + response.statusCode());
            }
        }
        if (!unreachable.isEmpty()) {
            runViolations.add(REACHABLE + ": " + tally.entryPoint() + " " + unreachable.size() + " of " + checked
                    + " checked, e.g. " + unreachable.subList(0, Math.min(3, unreachable.size())));
        }
    }

    /** In a quiet moment: ten HL7 messages that are answered AE must each be in the operator's list. */
    private void checkHl7RejectsAreListed() throws Exception {
        List<String> kinds =
                List.of("hostile-value", "hostile-unit", "wrong-value-type", "drop-obx", "drop-obr", "hostile-time");
        var expected = new LinkedHashMap<String, String>();
        try (var connection = new Connection()) {
            for (int i = 0; expected.size() < 10 && i < 60; i++) {
                long seed = SEED * 7 + i;
                FuzzInput input = hl7.build(seed, List.of(new Mutation(kinds.get(i % kinds.size()), seed)), "-listed");
                String ack = connection.send(input.body());
                if (ack != null
                        && Answers.parseAck(ack).map(a -> a.code().equals("AE")).orElse(false)) {
                    expected.put(
                            "FZ-" + Long.toHexString(seed) + "-listed",
                            input.mutations().toString());
                }
            }
        }
        var listed = new HashSet<String>();
        for (JsonNode reject : JSON.readTree(
                get(ServiceKind.INGEST, "/api/v1/rejects?limit=500", "operator").body())) {
            listed.add(reject.path("messageId").asString(""));
        }
        expected.forEach((controlId, mutations) -> {
            if (!listed.contains(controlId)) {
                runViolations.add(
                        HL7_LISTED + ": control id " + controlId + " " + mutations + " answered AE but not listed");
            }
        });
    }

    private Duration checkGradingGoesOn() throws Exception {
        String patientId = "FZ-ANC-" + UUID.randomUUID();
        String body = """
                {"patientId":"%s","loinc":"751-8","value":0.3,"unit":"10*9/L","effectiveTime":"%s",\
                "sourceMessageId":"fz-anc-%s"}""".formatted(patientId, Instant.now().minus(Duration.ofHours(1)), UUID.randomUUID());
        Instant posted = Instant.now();
        var response = post("/api/v1/observations", body);
        if (response.statusCode() != 202) {
            runViolations.add(STILL_GRADES + ": the ANC was answered " + response.statusCode());
            return Duration.ZERO;
        }
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        var alerts = JSON.readTree(
                                get(ServiceKind.ALERTING, "/api/v1/alerts?patientId=" + patientId, "clinician")
                                        .body());
                        return alerts.valueStream()
                                .anyMatch(alert -> alert.path("criterionId")
                                                .asString("")
                                                .equals("CTCAE-5.0/neutrophil_count_decreased")
                                        && alert.path("grade").asInt() == 4);
                    });
        } catch (ConditionTimeoutException e) {
            runViolations.add(STILL_GRADES + ": no grade-4 alert within 3 minutes");
        }
        return Duration.between(posted, Instant.now());
    }

    /**
     * The first input that broke each property, reduced: each mutation is dropped in turn, kept out while the
     * property still breaks (sent again with new identifiers, so it is not taken for a resend).
     */
    private List<String> shrinkFirstViolations(Iterable<FuzzTally> tallies) {
        var minimal = new ArrayList<String>();
        int salt = 0;
        for (FuzzTally tally : tallies) {
            for (Map.Entry<String, FuzzTally.Violation> first :
                    tally.firstViolations().entrySet()) {
                String property = first.getKey();
                FuzzInput smallest = first.getValue().input();
                String answer = first.getValue().answer();
                if (PER_INPUT.contains(property)) {
                    try (var connection = new Connection()) {
                        boolean reduced = true;
                        for (int tries = 0;
                                reduced && tries < 20 && !smallest.mutations().isEmpty(); ) {
                            reduced = false;
                            for (int drop = 0; drop < smallest.mutations().size() && tries < 20; drop++, tries++) {
                                var fewer = new ArrayList<>(smallest.mutations());
                                fewer.remove(drop);
                                FuzzInput candidate = rebuild(smallest, fewer, "-s" + salt++);
                                Outcome outcome = send(candidate, connection);
                                if (outcome.violated().contains(property)) {
                                    smallest = candidate;
                                    answer = outcome.detail();
                                    reduced = true;
                                    break;
                                }
                            }
                        }
                    }
                }
                minimal.add(tally.entryPoint() + " [" + property + "] " + smallest.describe(400) + " -> " + answer);
            }
        }
        return minimal;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(running.baseUrl(ServiceKind.INGEST) + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", RunningPlatform.basic("integration"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServiceKind kind, String path, String user)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(running.baseUrl(kind) + path))
                        .header("Authorization", RunningPlatform.basic(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
