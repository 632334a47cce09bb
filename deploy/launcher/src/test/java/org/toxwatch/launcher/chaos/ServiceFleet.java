package org.toxwatch.launcher.chaos;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ServiceProcess;

/**
 * Several instances of each service, each its own process from its production jar with its own ports and
 * data directory, sharing one broker, one store and one credentials file. An instance can be killed outright
 * (SIGKILL: no shutdown hook, no commit, no goodbye to the group) and started again on its ports and data.
 */
final class ServiceFleet implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    /** One instance: what it is, where it listens, and its current process. */
    static final class Instance {
        final ServiceKind kind;
        final int number;
        final int port;
        final Map<String, String> environment;
        ServiceProcess process;

        Instance(ServiceKind kind, int number, int port, Map<String, String> environment) {
            this.kind = kind;
            this.number = number;
            this.port = port;
            this.environment = environment;
        }

        String name() {
            return kind.artifactId() + "-" + number;
        }

        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    private final Path home;
    private final Path data;
    private final List<Instance> instances = new ArrayList<>();
    /** Waiting for a service blocks a thread; the common pool is one thread on two cores, and Kafka needs it. */
    private final ExecutorService waiting = Executors.newCachedThreadPool();

    private ServiceFleet(Path home, Path data) {
        this.home = home;
        this.data = data;
    }

    /**
     * Starts {@code perKind} instances of every service. The first instance of each kind starts alone, so the
     * shared credentials file and the topics are created once; the rest start together.
     */
    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static ServiceFleet start(Path home, Path data, int perKind, Map<String, String> common) {
        var fleet = new ServiceFleet(home, data);
        // Every alerting instance opens the webhook secrets the others sealed: one key ring, as one Secret would be.
        String webhookKeyRing = "chaos:" + Base64.getEncoder().encodeToString(randomKey());
        for (int number = 1; number <= perKind; number++) {
            for (ServiceKind kind : ServiceKind.values()) {
                var environment = new HashMap<>(common);
                Path instanceData = data.resolve(kind.artifactId() + "-" + number);
                environment.put("TOXWATCH_DATA_DIR", instanceData.toString());
                environment.putIfAbsent("TOXWATCH_WEBHOOK_SECRET_KEYS", webhookKeyRing);
                environment.put(
                        "TOXWATCH_CREDENTIALS_FILE",
                        data.resolve("bootstrap-credentials").toString());
                environment.put(
                        "TOXWATCH_PARENT_PID",
                        String.valueOf(ProcessHandle.current().pid()));
                if (kind == ServiceKind.INGEST) {
                    environment.put("INGEST_MLLP_PORT", String.valueOf(FreePorts.pick()));
                }
                fleet.instances.add(new Instance(kind, number, FreePorts.pick(), Map.copyOf(environment)));
            }
        }
        try {
            fleet.startAll(fleet.instances.stream().filter(i -> i.number == 1).toList());
            fleet.startAll(fleet.instances.stream().filter(i -> i.number > 1).toList());
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    List<Instance> all() {
        return List.copyOf(instances);
    }

    List<Instance> of(ServiceKind kind) {
        return instances.stream().filter(i -> i.kind == kind).toList();
    }

    /**
     * SIGKILL, then at once a new process on the same ports and data, as a supervisor would; completes when
     * the new process is ready.
     */
    CompletableFuture<Void> killAndRestart(Instance instance) {
        ProcessHandle.of(instance.process.pid()).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
        return starting(List.of(instance));
    }

    private void startAll(List<Instance> instances) {
        starting(instances).join();
    }

    private CompletableFuture<Void> starting(List<Instance> instances) {
        for (Instance instance : instances) {
            instance.process = ServiceProcess.start(
                    home, instance.kind, instance.port, instance.environment, data.resolve("logs-" + instance.name()));
        }
        return CompletableFuture.allOf(instances.stream()
                .map(instance -> CompletableFuture.runAsync(() -> instance.process.awaitReady(READY_TIMEOUT), waiting))
                .toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        CompletableFuture.allOf(instances.stream()
                        .filter(instance -> instance.process != null)
                        .map(instance -> CompletableFuture.runAsync(instance.process::close, waiting))
                        .toArray(CompletableFuture[]::new))
                .join();
        waiting.shutdownNow();
    }
}
