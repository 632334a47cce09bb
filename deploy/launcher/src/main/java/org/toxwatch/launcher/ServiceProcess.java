package org.toxwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service running as its own JVM from its production jar, as it would in a deployment. Its output goes
 * to a log file under the data directory, so the console stays readable.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    /**
     * What the compilers, RocksDB and the drivers free stays in glibc's arenas until something trims them: trimmed
     * every 5 s, the local run ended a load of 10,000 patients about 90 MiB smaller (docs/performance.md, "The C
     * heap trimmed"). The option is a product option since JDK 21.0.4; in 21.0.1 to 21.0.3 it was experimental, hence the
     * unlock, which enables nothing by itself (21.0.0 lacks it: the README asks for 21.0.1 or newer). The launcher's own
     * JVM gets the same through {@code launcher.jvm-options}.
     */
    static final List<String> NATIVE_HEAP_TRIM =
            List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");

    private final ServiceKind kind;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;

    private ServiceProcess(ServiceKind kind, int port, Process process, Path logFile) {
        this.kind = kind;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = Instant.now();
    }

    /**
     * Starts the service's jar from {@code home/services/<artifact>/target}.
     *
     * @param environment the variables the service reads (Kafka, MongoDB, ports, passwords)
     */
    public static ServiceProcess start(
            Path home, ServiceKind kind, int port, Map<String, String> environment, Path logDirectory) {
        Path jar = jarOf(home, kind);
        try {
            Files.createDirectories(logDirectory);
            Path logFile = logDirectory.resolve(kind.artifactId() + ".log");
            var command = new ArrayList<String>(localRunJvm());
            command.addAll(List.of("-jar", jar.toString()));
            var builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    // Appended, so the end of a crashed run stays readable after its restart.
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(localRunEnvironment());
            builder.environment().putAll(environment);
            builder.environment().put(kind.portVariable(), String.valueOf(port));
            return new ServiceProcess(kind, port, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + kind.artifactId(), e);
        }
    }

    /**
     * The java command and settings each service runs with here; the benchmark gives its references the same. A
     * SerialGC heap grows to its maximum under load and stays there, so the maximum is the service's memory: 256 MB
     * is over twice the largest live set measured with 10,000 patients (alerting's, docs/performance.md). Every 5 s
     * the JVM hands the C heap's free pages back to the system ({@link #NATIVE_HEAP_TRIM}).
     */
    public static List<String> localRunJvm() {
        var command = new ArrayList<String>(
                List.of(javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(NATIVE_HEAP_TRIM);
        return List.copyOf(command);
    }

    /**
     * The environment every JVM of the local run gets beside its own variables: two malloc arenas instead of glibc's
     * eight per core, which hold the native memory of RocksDB, Netty and the JVM's own allocations in fewer, fuller
     * pools (docs/performance.md, "Heaps that give memory back, and two malloc arenas").
     */
    public static Map<String, String> localRunEnvironment() {
        return Map.of("MALLOC_ARENA_MAX", "2");
    }

    public ServiceKind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the process has ended, however it ended. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Waits until the service's readiness probe answers UP (Kafka, and MongoDB where used, reachable). */
    public void awaitReady(Duration timeout) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        kind.artifactId() + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + kind.artifactId(), e);
            }
            pause();
        }
        throw new IllegalStateException(kind.artifactId() + " not ready after " + timeout + "; the end of " + logFile
                + ":\n" + String.join("\n", tailOfLog(40)));
    }

    /** Asks the service to stop (SIGTERM: graceful shutdown, consumers commit) and waits for it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Sends SIGTERM to every process, then waits for each (forcibly ending any that outlive the timeout). */
    static void stopAll(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    /** The last lines of the service's log, to show why it failed. */
    public List<String> tailOfLog(int lines) {
        try (Stream<String> all = Files.lines(logFile)) {
            List<String> list = all.toList();
            return list.subList(Math.max(0, list.size() - lines), list.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    static Path jarOf(Path home, ServiceKind kind) {
        Path target = home.resolve("services").resolve(kind.artifactId()).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith(kind.artifactId() + "-")
                                && name.endsWith(".jar")
                                && !name.endsWith("-tests.jar")
                                && !name.endsWith("-sources.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no jar of " + kind.artifactId() + " in " + target + ": build it first (./mvnw package)"));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no build output for " + kind.artifactId() + " in " + target + ": build it first (./mvnw package)",
                    e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
