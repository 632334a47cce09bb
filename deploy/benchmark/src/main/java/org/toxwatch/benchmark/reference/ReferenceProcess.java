package org.toxwatch.benchmark.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.toxwatch.launcher.ServiceProcess;

/**
 * A reference started in its own JVM with the settings the local run gives each service, on the benchmark's own
 * classpath, its output in a log file.
 */
public final class ReferenceProcess implements AutoCloseable {

    private final Process process;
    private final Path logFile;

    private ReferenceProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    public static ReferenceProcess start(Class<?> main, Path logFile, String... arguments) {
        var command = new ArrayList<>(ServiceProcess.localRunJvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder(command);
            builder.environment().putAll(ServiceProcess.localRunEnvironment());
            var process = builder.directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ReferenceProcess(process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + main.getSimpleName(), e);
        }
    }

    public void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("reference exited with " + process.exitValue() + "; see " + logFile);
        }
    }

    /** SIGTERM, then waits; a reference that does not stop within 30 s is killed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
