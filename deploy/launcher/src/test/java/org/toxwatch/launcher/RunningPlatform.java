package org.toxwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The three production jars running as processes against the shared integration infrastructure, started once
 * per test JVM for every launcher IT (starting them takes most of a minute on a small machine). The
 * supervisor's console lines are kept so a test can read what an operator would see.
 */
final class RunningPlatform implements AutoCloseable {

    /**
     * For every IT class that uses the platform: JUnit closes it after the last test of the run, while the
     * broker and store still run (their own shutdown hooks would race the services' graceful stop).
     */
    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningPlatform.class, key -> shared(), RunningPlatform.class);
        }
    }

    private static final Map<String, String> PASSWORDS = Map.of(
            "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", "it-integration-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD", "it-clinician-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", "it-operator-" + UUID.randomUUID());

    private static RunningPlatform shared;

    private final LocalPlatform platform;
    private final int mllpPort;
    private final List<String> console;

    private RunningPlatform(LocalPlatform platform, int mllpPort, List<String> console) {
        this.platform = platform;
        this.mllpPort = mllpPort;
        this.console = console;
    }

    static synchronized RunningPlatform shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static RunningPlatform start() {
        var infrastructure = IntegrationInfrastructure.shared();
        var ports = new EnumMap<ServiceKind, Integer>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind, FreePorts.pick());
        }
        int mllpPort = FreePorts.pick();
        var environment = new HashMap<>(PASSWORDS);
        environment.put("INGEST_MLLP_PORT", String.valueOf(mllpPort));
        Path data;
        try {
            data = Files.createTempDirectory("toxwatch-launcher-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var console = new CopyOnWriteArrayList<String>();
        var platform = LocalPlatform.start(
                new LocalPlatform.Settings(
                        ToxWatchLauncher.home(),
                        data,
                        ports,
                        infrastructure.bootstrapServers(),
                        infrastructure.mongoUri("toxwatch-e2e"),
                        environment,
                        Duration.ofSeconds(150)),
                RestartPolicy.DEFAULT,
                line -> {
                    console.add(line);
                    System.out.println(line);
                });
        System.out.println(
                "[toxwatch] launcher ITs run against " + infrastructure.describe() + "; service data in " + data);
        return new RunningPlatform(platform, mllpPort, console);
    }

    @Override
    public void close() {
        synchronized (RunningPlatform.class) {
            if (shared == this) {
                shared = null;
            }
        }
        platform.close();
    }

    LocalPlatform platform() {
        return platform;
    }

    String baseUrl(ServiceKind kind) {
        return platform.baseUrl(kind);
    }

    int mllpPort() {
        return mllpPort;
    }

    /** What the supervisor printed so far. */
    List<String> console() {
        return List.copyOf(console);
    }

    static String basic(String user) {
        String password = PASSWORDS.get("TOXWATCH_BOOTSTRAP_" + user.toUpperCase() + "_PASSWORD");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** True when the service answers 200 on its liveness and its readiness probe. */
    boolean liveAndReady(ServiceKind kind, HttpClient http) {
        return answersUp(kind, "/actuator/health/liveness", http)
                && answersUp(kind, "/actuator/health/readiness", http);
    }

    private boolean answersUp(ServiceKind kind, String path, HttpClient http) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl(kind) + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
