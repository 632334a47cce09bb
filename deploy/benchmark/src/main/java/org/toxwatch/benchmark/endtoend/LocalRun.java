package org.toxwatch.benchmark.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ServiceProcess;
import org.toxwatch.platform.BootstrapCredentials;

/**
 * The local run as the README's run command starts it: {@code ToxWatchLauncher} in its own JVM with the launcher's
 * JVM options, hosting the broker and the store and starting the three services, on free ports and a fresh data
 * directory.
 */
final class LocalRun implements AutoCloseable {

    private static final String READY = "[toxwatch] ready in ";

    final Process launcher;
    final Map<ServiceKind, Integer> ports;
    final int mllpPort;
    final BootstrapCredentials credentials;
    private final Path log;

    private LocalRun(
            Process launcher,
            Map<ServiceKind, Integer> ports,
            int mllpPort,
            BootstrapCredentials credentials,
            Path log) {
        this.launcher = launcher;
        this.ports = ports;
        this.mllpPort = mllpPort;
        this.credentials = credentials;
        this.log = log;
    }

    static LocalRun start(Path home, Path data, List<String> jvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(data);
        var credentials = BootstrapCredentials.resolve(System::getenv, data.resolve("bootstrap-credentials"));
        var ports = new EnumMap<ServiceKind, Integer>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind, FreePorts.pick());
        }
        int mllpPort = FreePorts.pick();
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dtoxwatch.home=" + home);
        command.add("-classpath");
        command.add(System.getProperty("java.class.path"));
        command.add("org.toxwatch.launcher.ToxWatchLauncher");
        var builder = new ProcessBuilder(command).directory(home.toFile());
        var environment = builder.environment();
        environment.putAll(ServiceProcess.localRunEnvironment());
        environment.put("TOXWATCH_DATA_DIR", data.toString());
        environment.put("KAFKA_PORT", String.valueOf(FreePorts.pick()));
        environment.put("MONGODB_PORT", String.valueOf(FreePorts.pick()));
        environment.put("INGEST_MLLP_PORT", String.valueOf(mllpPort));
        ports.forEach((kind, port) -> environment.put(kind.portVariable(), String.valueOf(port)));
        Path log = data.resolveSibling("launcher.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        var run = new LocalRun(builder.start(), ports, mllpPort, credentials, log);
        run.awaitReady(Duration.ofMinutes(4));
        return run;
    }

    String password(String user) {
        return credentials.passwordByUser().get(user);
    }

    String baseUrl(ServiceKind kind) {
        return "http://localhost:" + ports.get(kind);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + launcher.exitValue() + "; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains(READY)) {
                return;
            }
            Thread.sleep(500); // polling a child's log, not a test
        }
        throw new IllegalStateException("the local run was not ready within " + timeout + "; see " + log);
    }

    /** Stops it as Ctrl-C does: the launcher's shutdown hook stops the services, then the store and the broker. */
    @Override
    public void close() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }
}
