package org.toxwatch.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;

/** Where and with what a run was made, for the report. */
final class Machine {

    private Machine() {}

    static List<String> describe() {
        var lines = new ArrayList<String>();
        lines.add("`nproc`: " + Runtime.getRuntime().availableProcessors());
        lines.add("`free -m` total: " + memoryMib() + " MiB");
        lines.add("CPU: " + cpuModel());
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        return lines;
    }

    static List<String> versions(Path home) {
        return List.of(
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + "), the same java for the"
                        + " benchmark, the references and the services",
                "JVM settings of every reference and service: " + String.join(" ", settings()),
                "Kafka " + AppInfoParser.getVersion() + " (clients, Streams and the embedded KRaft broker)",
                "Spring Boot " + SpringBootVersion.getVersion(),
                "ToxWatch commit " + gitCommit(home));
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> settings() {
        var command = org.toxwatch.launcher.ServiceProcess.localRunJvm();
        var settings = new ArrayList<>(command.subList(1, command.size()));
        org.toxwatch.launcher.ServiceProcess.localRunEnvironment()
                .forEach((name, value) -> settings.add("(environment " + name + "=" + value + ")"));
        return settings;
    }

    private static String memoryMib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format(Locale.ROOT, "%,d", Long.parseLong(line.replaceAll("\\D", "")) / 1024))
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String gitCommit(Path home) {
        try {
            var process = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .start();
            String commit = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? commit : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
