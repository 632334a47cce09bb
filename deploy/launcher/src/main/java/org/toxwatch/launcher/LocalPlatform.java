package org.toxwatch.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.toxwatch.launcher.RestartPolicy.Decision;

/**
 * The three services started against a given Kafka and MongoDB, each its own process, and kept running: a
 * service that dies while the platform runs (crash, kill, out of memory) is reported on the console with its
 * exit code and restarted after the {@link RestartPolicy}'s backoff. Used by the launcher and by the
 * end-to-end tests, so the tests exercise exactly what a local run starts.
 */
public final class LocalPlatform implements AutoCloseable {

    /**
     * @param home the repository root (where {@code services/} lives)
     * @param dataDirectory service state (Kafka Streams stores, logs, credentials)
     * @param environment passwords and any further variables handed to every service
     */
    public record Settings(
            Path home,
            Path dataDirectory,
            Map<ServiceKind, Integer> ports,
            String kafkaBootstrapServers,
            String mongoUri,
            Map<String, String> environment,
            Duration readyTimeout) {}

    private final Settings settings;
    private final Map<String, String> environment;
    private final RestartPolicy policy;
    private final Consumer<String> console;
    private final Map<ServiceKind, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<ServiceKind, Integer> consecutiveCrashes = new ConcurrentHashMap<>();
    private final Map<ServiceKind, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("toxwatch-supervisor").daemon().factory());
    private boolean stopping;

    private LocalPlatform(
            Settings settings, Map<String, String> environment, RestartPolicy policy, Consumer<String> console) {
        this.settings = settings;
        this.environment = environment;
        this.policy = policy;
        this.console = console;
    }

    /** Starts the three services at once, waits until every one is ready, then supervises them. */
    public static LocalPlatform start(Settings settings) {
        return start(settings, RestartPolicy.DEFAULT, System.out::println);
    }

    /** As {@link #start(Settings)}, with the given backoff and the given console for the supervisor's reports. */
    public static LocalPlatform start(Settings settings, RestartPolicy policy, Consumer<String> console) {
        var environment = new LinkedHashMap<>(settings.environment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        environment.put("MONGODB_URI", settings.mongoUri());
        environment.put("TOXWATCH_DATA_DIR", settings.dataDirectory().toString());
        // The local run may use plain-http webhooks; internal addresses still need TOXWATCH_WEBHOOKS_ALLOWED_HOSTS.
        environment.putIfAbsent("TOXWATCH_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
        // Each service stops by itself if this process is killed outright and cannot stop it.
        environment.put(
                "TOXWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        environment.put(
                "TOXWATCH_CREDENTIALS_FILE",
                settings.dataDirectory().resolve("bootstrap-credentials").toString());
        var platform = new LocalPlatform(settings, Map.copyOf(environment), policy, console);
        try {
            for (ServiceKind kind : ServiceKind.values()) {
                platform.services.put(kind, platform.launch(kind));
            }
            List<CompletableFuture<Void>> ready = platform.services.values().stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(settings.readyTimeout())))
                    .toList();
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        // Attached after readiness: a process that already ended completes at once and is still seen.
        platform.services.values().forEach(platform::supervise);
        return platform;
    }

    /** The service's current process (a new one after each restart). */
    public ServiceProcess service(ServiceKind kind) {
        return services.get(kind);
    }

    public String baseUrl(ServiceKind kind) {
        return services.get(kind).baseUrl();
    }

    /** How often the supervisor has restarted the service since the platform started. */
    public int restarts(ServiceKind kind) {
        return restarts.getOrDefault(kind, 0);
    }

    /** Stops all services at once; each shuts down gracefully and none is restarted. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
        }
        restarter.shutdownNow();
        CompletableFuture.allOf(services.values().stream()
                        .map(service -> CompletableFuture.runAsync(service::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    private ServiceProcess launch(ServiceKind kind) {
        return ServiceProcess.start(
                settings.home(),
                kind,
                settings.ports().get(kind),
                environment,
                settings.dataDirectory().resolve("logs"));
    }

    private void supervise(ServiceProcess service) {
        service.onExit().thenAccept(exitCode -> exited(service, exitCode));
    }

    private synchronized void exited(ServiceProcess service, int exitCode) {
        ServiceKind kind = service.kind();
        Duration uptime = Duration.between(service.startedAt(), Instant.now());
        switch (policy.onExit(stopping, exitCode, uptime, consecutiveCrashes.getOrDefault(kind, 0))) {
            case Decision.LeaveStopped left -> {
                if (!stopping) {
                    console.accept("[toxwatch] " + kind.artifactId() + " exited, " + left.why() + "; not restarted");
                }
            }
            case Decision.Restart restart -> {
                consecutiveCrashes.put(kind, restart.consecutiveCrash());
                console.accept("[toxwatch] " + kind.artifactId() + " died: " + restart.why() + " after "
                        + uptime.toSeconds() + " s up; restarting in "
                        + restart.delay().toMillis() + " ms (crash "
                        + restart.consecutiveCrash() + " in a row; its log: " + service.logFile() + ")");
                scheduleRestart(kind, restart.delay());
            }
        }
    }

    private void scheduleRestart(ServiceKind kind, Duration delay) {
        restarter.schedule(() -> restart(kind), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart(ServiceKind kind) {
        if (stopping) {
            return;
        }
        ServiceProcess fresh;
        try {
            fresh = launch(kind);
        } catch (RuntimeException e) {
            int crash = consecutiveCrashes.merge(kind, 1, Integer::sum);
            Duration delay = policy.delayBefore(crash);
            console.accept("[toxwatch] " + kind.artifactId() + " could not be restarted (" + e.getMessage()
                    + "); trying again in " + delay.toMillis() + " ms");
            scheduleRestart(kind, delay);
            return;
        }
        services.put(kind, fresh);
        restarts.merge(kind, 1, Integer::sum);
        supervise(fresh);
        Thread.ofVirtual().name("toxwatch-ready-" + kind.artifactId()).start(() -> {
            try {
                fresh.awaitReady(settings.readyTimeout());
                console.accept("[toxwatch] " + kind.artifactId() + " restarted and ready (pid " + fresh.pid() + ")");
            } catch (RuntimeException notReady) {
                // An exit is reported by its supervision; a service that hangs is told here, without its log.
                if (fresh.isAlive()) {
                    console.accept("[toxwatch] " + kind.artifactId() + " restarted but not ready after "
                            + settings.readyTimeout().toSeconds() + " s; see " + fresh.logFile());
                }
            }
        });
    }
}
