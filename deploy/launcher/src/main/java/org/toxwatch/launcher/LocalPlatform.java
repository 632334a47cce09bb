package org.toxwatch.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three services started against a given Kafka and MongoDB, each its own process. Used by the launcher
 * and by the end-to-end test, so the test exercises exactly what a local run starts.
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

    private final Map<ServiceKind, ServiceProcess> services;

    private LocalPlatform(Map<ServiceKind, ServiceProcess> services) {
        this.services = services;
    }

    /** Starts the three services at once and waits until every one is ready. */
    public static LocalPlatform start(Settings settings) {
        var environment = new LinkedHashMap<>(settings.environment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        environment.put("MONGODB_URI", settings.mongoUri());
        environment.put("TOXWATCH_DATA_DIR", settings.dataDirectory().toString());
        // Each service stops by itself if this process is killed outright and cannot stop it.
        environment.put(
                "TOXWATCH_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        environment.put(
                "TOXWATCH_CREDENTIALS_FILE",
                settings.dataDirectory().resolve("bootstrap-credentials").toString());
        var services = new EnumMap<ServiceKind, ServiceProcess>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            services.put(
                    kind,
                    ServiceProcess.start(
                            settings.home(),
                            kind,
                            settings.ports().get(kind),
                            environment,
                            settings.dataDirectory().resolve("logs")));
        }
        var platform = new LocalPlatform(services);
        try {
            List<CompletableFuture<Void>> ready = services.values().stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(settings.readyTimeout())))
                    .toList();
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    public ServiceProcess service(ServiceKind kind) {
        return services.get(kind);
    }

    public String baseUrl(ServiceKind kind) {
        return services.get(kind).baseUrl();
    }

    /** Stops all services at once; each shuts down gracefully. */
    @Override
    public void close() {
        CompletableFuture.allOf(services.values().stream()
                        .map(service -> CompletableFuture.runAsync(service::close))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
