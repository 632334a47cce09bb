package org.toxwatch.benchmark.endtoend;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.toxwatch.benchmark.SideBySideBenchmark;
import org.toxwatch.benchmark.load.BasicAuthorization;
import org.toxwatch.benchmark.load.MllpSender;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.platform.BootstrapCredentials;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's end-to-end, memory and soak measurements on the local run: HL7 ORU^R01 over MLLP at a fixed rate from
 * N connections, each message's latency counted from its <em>intended</em> send time (no coordinated omission) to
 * its ACK, and each patient's first message to the first RAISED alert of that patient on the console's live stream;
 * afterwards every alert read back through the API, so a lost or duplicated alert shows; and the resident memory of
 * every process of the run sampled throughout.
 *
 * <p>Arguments ({@code -Dbenchmark.args=...} through the benchmark module's exec, first word {@code endtoend}):
 * {@code --rate=} messages per second, {@code --minutes=}, {@code --patients=}, {@code --connections=},
 * {@code --drain-minutes=}, {@code --read-back=false} to leave out the read-back (a memory comparison that needs
 * neither its minutes on the embedded store nor its accounting; the summary says it was left out),
 * {@code --output=} a file for the summary (default: printed only); the logs of the launcher and the services are
 * then kept beside it, in a directory named after it with {@code .logs} added, since the run's data directory is
 * deleted at the end. {@code -Dbenchmark.launcher.jvm-options} are the launcher's JVM options, set by the build to
 * those of the README's run command.
 */
public final class EndToEndRun {

    private static final long MAX_MICROS = 3_600_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EndToEndRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "5"));
        int patients = Integer.parseInt(options.getOrDefault("patients", "10000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int drainMinutes = Integer.parseInt(options.getOrDefault("drain-minutes", "10"));
        boolean readBack = Boolean.parseBoolean(options.getOrDefault("read-back", "true"));
        Path home = Path.of(System.getProperty("toxwatch.home", ".")).toAbsolutePath();
        List<String> jvm = Arrays.stream(
                        System.getProperty("benchmark.launcher.jvm-options", "").split("\\s+"))
                .filter(option -> !option.isBlank())
                .toList();
        Path directory = Files.createTempDirectory("toxwatch-endtoend-");
        var course = new Hl7Course(UUID.randomUUID().toString().substring(0, 8), patients);

        String load0 = loadAverage();
        Instant started = Instant.now();
        try (var run = LocalRun.start(home, directory.resolve("data"), jvm);
                var memory = new MemorySampler(run.launcher.toHandle(), Duration.ofSeconds(10));
                var stream = new AlertStream(
                        run.baseUrl(ServiceKind.ALERTING),
                        BootstrapCredentials.CLINICIAN_USER,
                        run.password(BootstrapCredentials.CLINICIAN_USER))) {
            var idle = memory.sampleNow();
            var load = new FixedRate(run.mllpPort, course, rate, Duration.ofMillis((long) (minutes * 60_000)));
            Map<String, Long> firstSentIntended = load.run(connections, patients);
            long loadEnded = System.nanoTime();
            var afterLoad = memory.sampleNow();
            // The last messages' alerts may still be on their way, behind a backlog: wait until every patient has
            // one, or until the stream has been quiet for a minute, or the drain limit; then charge the rest their
            // wait.
            long drainDeadline = loadEnded + Duration.ofMinutes(drainMinutes).toNanos();
            long seen = -1;
            long quietSince = System.nanoTime();
            while (System.nanoTime() < drainDeadline
                    && System.nanoTime() - quietSince < Duration.ofMinutes(1).toNanos()
                    && firstSentIntended.keySet().stream().anyMatch(p -> stream.firstRaisedAt(p) == null)) {
                if (stream.raisedEvents() != seen) {
                    seen = stream.raisedEvents();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(1_000);
            }
            long drained = System.nanoTime() - loadEnded;
            var afterDrain = memory.sampleNow();
            var raised = new Histogram(MAX_MICROS, 3);
            long unanswered = 0;
            long givenUp = System.nanoTime();
            for (var entry : firstSentIntended.entrySet()) {
                Long arrived = stream.firstRaisedAt(entry.getKey());
                if (arrived == null) {
                    unanswered++;
                }
                long at = arrived == null ? givenUp : arrived;
                raised.recordValue(Math.min(Math.max(0, at - entry.getValue()) / 1_000, MAX_MICROS));
            }
            var stored = readBack ? storedAlerts(run, stream) : null;
            var summary = new ArrayList<String>();
            summary.add(String.format(
                    Locale.ROOT,
                    "end to end: %s, %d msg/s target for %.1f min over %d connections, %,d patients; load average %s"
                            + " at the start, %s at the end",
                    started,
                    rate,
                    minutes,
                    connections,
                    patients,
                    load0,
                    loadAverage()));
            summary.add(String.format(
                    Locale.ROOT,
                    "messages: %,d sent, %,d AA, %,d other answers; achieved %.0f msg/s (until the last ACK);"
                            + " ACK latency from intended send p50 / p99 / max %s",
                    load.sent.get(),
                    load.accepted.get(),
                    load.other.get(),
                    load.sent.get() / (load.elapsedNanos / 1e9),
                    percentiles(load.ackLatency)));
            summary.add(String.format(
                    Locale.ROOT,
                    "first alert of each patient on the live stream, from the intended send of its first message:"
                            + " %,d patients, %,d without an alert after the load and %d s of drain; p50 / p99 / max"
                            + " %s",
                    firstSentIntended.size(),
                    unanswered,
                    TimeUnit.NANOSECONDS.toSeconds(drained),
                    percentiles(raised)));
            summary.add(
                    stored == null
                            ? "alerts: not read back (--read-back=false): nothing said about lost or duplicated alerts"
                            : alertAccounting(stream, stored, firstSentIntended.size()));
            summary.add("resident memory (MiB) idle before load: " + describe(idle));
            summary.add("resident memory (MiB) at the end of the load: " + describe(afterLoad));
            summary.add("resident memory (MiB) after the drain: " + describe(afterDrain));
            summary.add("resident memory (MiB) peak total: "
                    + memory.samples().stream()
                            .mapToLong(MemorySampler.Sample::total)
                            .max()
                            .orElse(0));
            summary.add("resident memory (MiB) every 10 min (total): " + series(memory.samples()));
            if (options.containsKey("output")) {
                summary.add("logs of the launcher and the services: " + keptLogs(options.get("output")));
            }
            String text = String.join(System.lineSeparator(), summary);
            System.out.println(text);
            if (options.containsKey("output")) {
                Files.writeString(Path.of(options.get("output")), text + System.lineSeparator());
            }
        }
        if (options.containsKey("output")) {
            keepLogs(directory, keptLogs(options.get("output")));
        }
        SideBySideBenchmark.deleteRecursively(directory);
        System.exit(0);
    }

    private static Path keptLogs(String output) {
        return Path.of(output + ".logs").toAbsolutePath();
    }

    /** The launcher's log and the services' logs (written under the data directory), once every process has stopped. */
    private static void keepLogs(Path directory, Path kept) throws IOException {
        Files.createDirectories(kept);
        Files.copy(
                directory.resolve("launcher.log"), kept.resolve("launcher.log"), StandardCopyOption.REPLACE_EXISTING);
        Path services = directory.resolve("data").resolve("logs");
        if (Files.isDirectory(services)) {
            try (Stream<Path> logs = Files.list(services)) {
                for (Path log : logs.filter(Files::isRegularFile).toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The load: message i intended at start + i / rate, taken by whichever connection is free. */
    static final class FixedRate {
        final AtomicLong next = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong other = new AtomicLong();
        volatile long elapsedNanos;
        final Histogram ackLatency = new Histogram(MAX_MICROS, 3);
        private final int port;
        private final Hl7Course course;
        private final long interval;
        private final Duration duration;

        FixedRate(int port, Hl7Course course, int rate, Duration duration) {
            this.port = port;
            this.course = course;
            this.interval = 1_000_000_000L / rate;
            this.duration = duration;
        }

        /** Sends until the duration is over; answers each patient's intended first send time. */
        Map<String, Long> run(int connections, int patients) throws InterruptedException {
            var firstIntended = new ConcurrentHashMap<String, Long>();
            long start = System.nanoTime() + 100_000_000L;
            long end = start + duration.toNanos();
            var workers = new ArrayList<Thread>();
            for (int c = 0; c < connections; c++) {
                workers.add(Thread.ofPlatform().name("mllp-" + c).start(() -> {
                    try (var socket = new Socket("localhost", port)) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        long i;
                        long intended;
                        while ((intended = start + (i = next.getAndIncrement()) * interval) < end) {
                            long wait;
                            while ((wait = intended - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            if (i < patients) {
                                firstIntended.put(course.patient(i), intended);
                            }
                            boolean aa = MllpSender.exchange(out, in, course.message(i, Instant.now()));
                            long latency = (System.nanoTime() - intended) / 1_000;
                            synchronized (ackLatency) {
                                ackLatency.recordValue(Math.min(latency, MAX_MICROS));
                            }
                            sent.incrementAndGet();
                            (aa ? accepted : other).incrementAndGet();
                        }
                    } catch (IOException e) {
                        System.err.println("connection ended: " + e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            elapsedNanos = System.nanoTime() - start;
            return firstIntended;
        }
    }

    /**
     * Every alert in the store, through the API a clinician uses: the distinct alert ids by patient and family (a
     * page read twice must not count an alert twice). The list is ordered by last change, so an alert changed while
     * it is read can move to a page already read; every patient the live stream saw raised and the pages did not
     * show is therefore asked for by its id before anything counts as lost.
     */
    private static Map<String, Long> storedAlerts(LocalRun run, AlertStream stream)
            throws IOException, InterruptedException {
        String authorization = BasicAuthorization.header(
                BootstrapCredentials.CLINICIAN_USER, run.password(BootstrapCredentials.CLINICIAN_USER));
        String alerts = run.baseUrl(ServiceKind.ALERTING) + "/api/v1/alerts?limit=500";
        var byPatientAndFamily = new HashMap<String, Set<String>>();
        try (var client = HttpClient.newHttpClient()) {
            int page = 0;
            while (readInto(client, authorization, alerts + "&page=" + page, byPatientAndFamily) == 500) {
                page++;
            }
            var missed = new TreeSet<String>();
            stream.raisedByPatientAndFamily().keySet().stream()
                    .filter(key -> !byPatientAndFamily.containsKey(key))
                    .forEach(key -> missed.add(key.substring(0, key.indexOf(' '))));
            for (String patient : missed) {
                readInto(
                        client,
                        authorization,
                        alerts + "&patientId=" + URLEncoder.encode(patient, StandardCharsets.UTF_8),
                        byPatientAndFamily);
            }
        }
        var counts = new HashMap<String, Long>();
        byPatientAndFamily.forEach((key, ids) -> counts.put(key, (long) ids.size()));
        return counts;
    }

    /** Adds one page of alerts to the ids by patient and family; answers how many alerts the page held. */
    private static int readInto(HttpClient client, String authorization, String url, Map<String, Set<String>> idsByKey)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/alerts answered " + response.statusCode());
        }
        var page = JSON.readTree(response.body());
        for (var alert : page) {
            idsByKey.computeIfAbsent(
                            alert.path("patientId").asString("") + " "
                                    + alert.path("family").asString(""),
                            key -> new HashSet<>())
                    .add(alert.path("alertId").asString(""));
        }
        return page.size();
    }

    private static String alertAccounting(AlertStream stream, Map<String, Long> stored, int patients) {
        var families = new TreeMap<String, Long>();
        stored.keySet().forEach(key -> families.merge(key.substring(key.indexOf(' ') + 1), 1L, Long::sum));
        long storedDuplicates = stored.values().stream().filter(n -> n > 1).count();
        long streamDuplicates = stream.raisedByPatientAndFamily().values().stream()
                .filter(n -> n.get() > 1)
                .count();
        long streamOnly = stream.raisedByPatientAndFamily().keySet().stream()
                .filter(key -> !stored.containsKey(key))
                .count();
        long storedOnly = stored.keySet().stream()
                .filter(key -> !stream.raisedByPatientAndFamily().containsKey(key))
                .count();
        return String.format(
                Locale.ROOT,
                "alerts: %,d stored (patients with one per family: %s of %,d), %,d RAISED events on the stream;"
                        + " patient-and-family pairs with more than one stored alert %d, with more than one RAISED"
                        + " event %d, raised on the stream but not stored %d, stored but never seen raised %d",
                stored.values().stream().mapToLong(Long::longValue).sum(),
                families,
                patients,
                stream.raisedEvents(),
                storedDuplicates,
                streamDuplicates,
                streamOnly,
                storedOnly);
    }

    private static String percentiles(Histogram histogram) {
        synchronized (histogram) {
            return String.format(
                    Locale.ROOT,
                    "%.0f / %.0f / %.0f ms",
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }

    private static String describe(MemorySampler.Sample sample) {
        return sample.mebibytes() + ", total " + sample.total();
    }

    private static String series(List<MemorySampler.Sample> samples) {
        var lines = new ArrayList<String>();
        long nextMark = 0;
        for (var sample : samples) {
            if (sample.second() >= nextMark) {
                lines.add(sample.second() / 60 + " min " + sample.total());
                nextMark += 600;
            }
        }
        lines.add("last " + samples.getLast().total());
        return String.join(", ", lines);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (String argument : args) {
            if (argument.startsWith("--") && argument.contains("=")) {
                options.put(
                        argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
            }
        }
        return options;
    }
}
