package org.toxwatch.benchmark.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.toxwatch.launcher.ServiceKind;

/**
 * The resident set size of every process of the local run (the launcher, which hosts the broker and the store, and
 * the three services it started), read from {@code /proc/<pid>/status} at a fixed interval.
 */
final class MemorySampler implements AutoCloseable {

    static final String LAUNCHER = "launcher (broker, store)";

    /** One reading: seconds since the load began, and MiB by process. */
    record Sample(long second, Map<String, Long> mebibytes) {
        long total() {
            return mebibytes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final ProcessHandle launcher;
    private final long startedAt = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("memory-sampler").daemon().factory());

    MemorySampler(ProcessHandle launcher, Duration interval) {
        this.launcher = launcher;
        timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    Sample sampleNow() {
        sample();
        synchronized (this) {
            return samples.getLast();
        }
    }

    private void sample() {
        var reading = new LinkedHashMap<String, Long>();
        reading.put(LAUNCHER, residentMebibytes(launcher.pid()));
        launcher.descendants().forEach(child -> {
            String command = child.info().commandLine().orElse("");
            for (ServiceKind kind : ServiceKind.values()) {
                if (command.contains(kind.artifactId())) {
                    reading.merge(kind.artifactId(), residentMebibytes(child.pid()), Long::sum);
                }
            }
        });
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
        synchronized (this) {
            samples.add(new Sample(second, reading));
        }
    }

    private static long residentMebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process ended between listing and reading (a restart): it holds no memory now.
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
