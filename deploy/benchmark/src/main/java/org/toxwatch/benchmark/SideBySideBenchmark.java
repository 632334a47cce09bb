package org.toxwatch.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.toxwatch.benchmark.BenchmarkPlan.Stage;
import org.toxwatch.benchmark.endtoend.EndToEndRun;
import org.toxwatch.benchmark.load.FhirBundleSender;
import org.toxwatch.benchmark.load.MonitoringBacklog;
import org.toxwatch.benchmark.report.Comparison;
import org.toxwatch.benchmark.report.PerformanceReport;
import org.toxwatch.benchmark.report.Target;
import org.toxwatch.platform.BootstrapCredentials;

/**
 * Runs the references and ToxWatch's stages round after round in one sitting and writes the side-by-side table
 * into docs/performance.md. Each round runs ingest, then monitoring, then alerting, each stage's reference right
 * before (or around) the stage itself, so both sides of every ratio meet the same conditions.
 *
 * <p>Arguments: {@code quick}, {@code full}, {@code ingest}, {@code monitoring} or {@code alerting}, optionally
 * {@code --output=<file>} (default: docs/performance.md under {@code -Dtoxwatch.home}).
 * {@code -Dbenchmark.<service>.jvm-options=...} ({@code ingest}, {@code monitoring} or {@code alerting}) adds JVM
 * options to that ToxWatch process only (e.g. {@code -XX:StartFlightRecording=filename=ingest.jfr}).
 */
public final class SideBySideBenchmark {

    static final String COMMAND = "flock /tmp/mvn.lock ./mvnw -B -ntp -pl deploy/benchmark -am -DskipTests"
            + " -Dexec.skip=true package exec:exec -Dbenchmark.args=";

    private SideBySideBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("endtoend")) {
            EndToEndRun.main(args);
            return;
        }
        var plan = BenchmarkPlan.named(args.length > 0 ? args[0] : "quick");
        Path home = Path.of(System.getProperty("toxwatch.home", ".")).toAbsolutePath();
        Path output = home.resolve("docs/performance.md");
        for (String argument : args) {
            if (argument.startsWith("--output=")) {
                output = Path.of(argument.substring("--output=".length()));
            }
        }
        Path data = Files.createTempDirectory("toxwatch-benchmark-");
        Path credentialsFile = data.resolve("bootstrap-credentials");
        var credentials =
                new Sitting.Credentials(BootstrapCredentials.resolve(System::getenv, credentialsFile), credentialsFile);
        var ingest = new IngestStage(plan, home, credentials);
        var monitoring = new MonitoringStage(plan, home, credentials);
        var alerting = new AlertingStage(plan, home, credentials);

        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        var rounds = new Rounds(plan);
        for (var round : plan.schedule()) {
            Path directory = data.resolve(round.directoryName());
            String label = round.counted()
                    ? "round %d of %d".formatted(round.number(), plan.rounds())
                    : "warm-up round %d of %d (not counted)".formatted(round.number(), plan.warmUpRounds());
            if (plan.runs(Stage.INGEST)) {
                System.out.printf("%s: ingest%n", label);
                rounds.ingest.add(round, ingest.run(directory.resolve("ingest")));
            }
            if (plan.runs(Stage.MONITORING)) {
                System.out.printf("%s: monitoring%n", label);
                rounds.monitoring.add(round, monitoring.run(directory.resolve("monitoring")));
            }
            if (plan.runs(Stage.ALERTING)) {
                System.out.printf("%s: alerting%n", label);
                rounds.alerting.add(round, alerting.run(directory.resolve("alerting")));
            }
        }
        Instant ended = Instant.now();
        String loadAfter = Machine.loadAverage();

        var report = new PerformanceReport(
                COMMAND + plan.name(),
                rounds.setting(started, ended, loadBefore, loadAfter),
                Machine.describe(),
                Machine.versions(home),
                rounds.comparisons());
        report.writeInto(output);
        System.out.println(report.render());
        deleteRecursively(data);
        System.out.println("written to " + output);
        System.exit(0);
    }

    /**
     * A failed run keeps its directory (service and reference logs, the local run's data) for a look; a finished
     * one leaves nothing.
     */
    public static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The ORU^R01 messages of the MLLP rows carry five results each. */
    private static final int RESULTS_PER_ORU = 5;

    /** The figures of one stage's counted rounds; a warm-up round's are dropped. */
    static final class Counted<R> {
        private final List<R> figures = new ArrayList<>();

        void add(BenchmarkPlan.Round round, R figure) {
            if (round.counted()) {
                figures.add(figure);
            }
        }

        Stream<R> stream() {
            return figures.stream();
        }
    }

    /** The figures of every counted round, by stage. */
    static final class Rounds {
        private final BenchmarkPlan plan;
        final Counted<IngestStage.Round> ingest = new Counted<>();
        final Counted<MonitoringStage.Round> monitoring = new Counted<>();
        final Counted<AlertingStage.Round> alerting = new Counted<>();

        Rounds(BenchmarkPlan plan) {
            this.plan = plan;
        }

        List<Comparison> comparisons() {
            var comparisons = new ArrayList<Comparison>();
            if (plan.runs(Stage.INGEST)) {
                for (int connections : plan.ingestConnections()) {
                    comparisons.add(new Comparison(
                            "Ingest: HL7 ORU^R01 (5 results, ~1 KB) over MLLP, " + connections + " connections",
                            "MLLP→Kafka bridge, HAPI parse, ACK after the send",
                            "msg/s",
                            ingest.stream()
                                    .map(r -> r.toxwatch().get(connections))
                                    .toList(),
                            ingest.stream()
                                    .map(r -> r.bridge().get(connections))
                                    .toList(),
                            new Target.RatioAtLeast(1.0)));
                }
                int http = plan.ingestConnections().getFirst();
                comparisons.add(new Comparison(
                        "Ingest: one JSON observation per HTTP request, " + http + " clients",
                        "the bridge's MLLP msg/s at " + http + " connections",
                        "/s",
                        ingest.stream().map(IngestStage.Round::toxwatchHttp).toList(),
                        ingest.stream().map(r -> r.bridge().get(http)).toList(),
                        new Target.RatioAtLeast(1.0)));
                comparisons.add(new Comparison(
                        "Ingest: FHIR transaction Bundles of " + FhirBundleSender.OBSERVATIONS
                                + " lab Observations over HTTP, " + http + " clients",
                        "the bridge's results/s at " + http + " connections (5 per ORU^R01; for scale, the target"
                                + " is absolute)",
                        "Observations/s",
                        ingest.stream().map(IngestStage.Round::toxwatchFhir).toList(),
                        ingest.stream()
                                .map(r -> r.bridge().get(http) * RESULTS_PER_ORU)
                                .toList(),
                        new Target.ValueAtLeast(1_000)));
                comparisons.add(new Comparison(
                        "Ingest: one FHIR lab Observation per HTTP request, " + http + " clients",
                        "the bridge's results/s at " + http + " connections (5 per ORU^R01; for scale, the target"
                                + " is absolute)",
                        "Observations/s",
                        ingest.stream()
                                .map(IngestStage.Round::toxwatchFhirSingle)
                                .toList(),
                        ingest.stream()
                                .map(r -> r.bridge().get(http) * RESULTS_PER_ORU)
                                .toList(),
                        new Target.ValueAtLeast(1_000)));
            }
            if (plan.runs(Stage.MONITORING)) {
                comparisons.add(new Comparison(
                        String.format(
                                Locale.ROOT,
                                "Monitoring: backlog of %,d records over %,d patients%s",
                                plan.backlogRecords(),
                                plan.backlogPatients(),
                                plan.patientsTakeTurns() ? ", taking turns" : ""),
                        "Streams exactly-once passthrough, RocksDB per-patient store",
                        "records/s",
                        monitoring.stream()
                                .map(MonitoringStage.Round::monitoringPerSecond)
                                .toList(),
                        monitoring.stream()
                                .map(MonitoringStage.Round::passthroughPerSecond)
                                .toList(),
                        new Target.RatioAtLeast(0.5)));
                comparisons.add(new Comparison(
                        String.format(
                                Locale.ROOT,
                                "Monitoring: p99 latency at %,d records/s, from intended send",
                                plan.latencyPerSecond()),
                        "the same passthrough at the same rate",
                        "ms",
                        monitoring.stream()
                                .map(r -> r.monitoringLatency().p99())
                                .toList(),
                        monitoring.stream()
                                .map(r -> r.passthroughLatency().p99())
                                .toList(),
                        new Target.RatioAtMost(1.5)));
            }
            if (plan.runs(Stage.ALERTING)) {
                comparisons.add(new Comparison(
                        String.format(Locale.ROOT, "Alerting: drain %,d assessments", plan.assessments()),
                        "bare Kafka consumer, same assessments",
                        "assessments/s",
                        alerting.stream().map(AlertingStage.Round::alerting).toList(),
                        alerting.stream().map(AlertingStage.Round::bare).toList(),
                        new Target.ValueAtLeast(2_000)));
            }
            return comparisons;
        }

        List<String> setting(Instant started, Instant ended, String loadBefore, String loadAfter) {
            long sent = monitoring.stream()
                    .mapToLong(r -> r.monitoringLatency().sent()
                            + r.passthroughLatency().sent())
                    .sum();
            long answered = monitoring.stream()
                    .mapToLong(r -> r.monitoringLatency().answered()
                            + r.passthroughLatency().answered())
                    .sum();
            var lines = new ArrayList<String>();
            lines.add(String.format(
                    Locale.ROOT,
                    "plan `%s`: %s%d rounds, %s to %s UTC (%d min)",
                    plan.name(),
                    switch (plan.warmUpRounds()) {
                        case 0 -> "";
                        case 1 -> "1 warm-up round (not counted), then ";
                        default -> plan.warmUpRounds() + " warm-up rounds (not counted), then ";
                    },
                    plan.rounds(),
                    started.truncatedTo(ChronoUnit.SECONDS),
                    ended.truncatedTo(ChronoUnit.SECONDS).toString().substring(11),
                    Duration.between(started, ended).toMinutes()));
            lines.add("load average (1 / 5 / 15 min) at the start " + loadBefore + ", at the end " + loadAfter);
            if (plan.runs(Stage.INGEST)) {
                lines.add(String.format(
                        Locale.ROOT,
                        "ingest: %s s warm-up per side, then %s s per connection count; nothing consumes meanwhile",
                        plan.ingestWarmUp().toSeconds(),
                        plan.ingestPhase().toSeconds()));
            }
            if (plan.runs(Stage.MONITORING)) {
                lines.add(String.format(
                        Locale.ROOT,
                        "monitoring: %,d patients x %d events (about 60%% labs, the rest vital signs, after a"
                                + " CAR-T infusion; %s), after %d such backlog(s) of other patients per side, not"
                                + " measured; latency: ANC results at %,d/s for %d s, %,d of %,d answered",
                        plan.backlogPatients(),
                        plan.eventsPerPatient(),
                        plan.patientsTakeTurns()
                                ? "the patients taking turns, " + MonitoringBacklog.EVENTS_PER_TURN + " events each"
                                : "each patient's events one after another",
                        plan.warmUpBacklogs(),
                        plan.latencyPerSecond(),
                        plan.latencyPhase().toSeconds(),
                        answered,
                        sent));
            }
            if (plan.runs(Stage.ALERTING)) {
                lines.add(String.format(
                        Locale.ROOT,
                        "alerting: %,d assessments over %,d patients, three toxicity families, grades 2 to 4,"
                                + " after %d such batch(es) for other patients per side, not measured",
                        plan.assessments(),
                        plan.assessmentPatients(),
                        plan.warmUpAssessmentBatches()));
            }
            return lines;
        }
    }
}
