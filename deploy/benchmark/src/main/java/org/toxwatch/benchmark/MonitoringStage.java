package org.toxwatch.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import org.toxwatch.benchmark.load.ConsumerGroupProgress;
import org.toxwatch.benchmark.load.FixedRateLatency;
import org.toxwatch.benchmark.load.MonitoringBacklog;
import org.toxwatch.benchmark.reference.ReferenceProcess;
import org.toxwatch.benchmark.reference.StreamsPassthrough;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ServiceProcess;
import org.toxwatch.model.Topics;

/**
 * Monitoring against the Streams passthrough on one backlog written once: the passthrough drains it, then
 * monitoring drains the very same records; monitoring's latency run follows; then the passthrough, restarted and
 * caught up on the records that run added, has its own latency run at the same rate. The backlog follows the plan's
 * warm-up backlogs, for patients of their own, which each side drains first, unmeasured, in the same process.
 */
final class MonitoringStage {

    static final String PASSTHROUGH_OUTPUT = "benchmark.passthrough.v1";
    private static final String PASSTHROUGH_ID = "reference-passthrough";
    private static final String MONITORING_ID = "monitoring";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    record Round(
            double passthroughPerSecond,
            double monitoringPerSecond,
            FixedRateLatency.Result passthroughLatency,
            FixedRateLatency.Result monitoringLatency) {}

    private final BenchmarkPlan plan;
    private final Path home;
    private final Sitting.Credentials credentials;

    MonitoringStage(BenchmarkPlan plan, Path home, Sitting.Credentials credentials) {
        this.plan = plan;
        this.home = home;
        this.credentials = credentials;
    }

    Round run(Path directory) throws Exception {
        try (var sitting = Sitting.open(directory, credentials, PASSTHROUGH_OUTPUT)) {
            String bootstrap = sitting.bootstrapServers();
            long warmUp = 0;
            for (int w = 1; w <= plan.warmUpBacklogs(); w++) {
                warmUp += MonitoringBacklog.write(
                        bootstrap,
                        "WARM" + w,
                        plan.backlogPatients(),
                        plan.eventsPerPatient(),
                        plan.patientsTakeTurns());
            }
            long written = MonitoringBacklog.write(
                    bootstrap,
                    MonitoringBacklog.MEASURED,
                    plan.backlogPatients(),
                    plan.eventsPerPatient(),
                    plan.patientsTakeTurns());
            System.out.printf("  backlog of %d records written after %d for the warm-up%n", written, warmUp);
            ConsumerGroupProgress.Drain passthrough;
            ConsumerGroupProgress.Drain monitoring;
            FixedRateLatency.Result monitoringLatency;
            try (var backlog = ConsumerGroupProgress.upToNow(bootstrap, MonitoringBacklog.TOPICS)) {
                try (var reference = passthrough(sitting)) {
                    passthrough = backlog.awaitDrained(PASSTHROUGH_ID, DRAIN_TIMEOUT, warmUp);
                    reference.assertAlive();
                }
                report("Streams passthrough", passthrough);
                try (var service = ServiceProcess.start(
                        home,
                        ServiceKind.MONITORING,
                        FreePorts.pick(),
                        sitting.serviceEnvironment(ServiceKind.MONITORING),
                        sitting.logs())) {
                    monitoring = backlog.awaitDrained(MONITORING_ID, DRAIN_TIMEOUT, warmUp);
                    report("ToxWatch monitoring", monitoring);
                    monitoringLatency = latency(bootstrap, Topics.ASSESSMENTS);
                    report("ToxWatch monitoring", monitoringLatency);
                }
            }
            FixedRateLatency.Result passthroughLatency;
            try (var reference = passthrough(sitting);
                    var caughtUp = ConsumerGroupProgress.upToNow(bootstrap, MonitoringBacklog.TOPICS)) {
                caughtUp.awaitDrained(PASSTHROUGH_ID, DRAIN_TIMEOUT);
                passthroughLatency = latency(bootstrap, PASSTHROUGH_OUTPUT);
                reference.assertAlive();
                report("Streams passthrough", passthroughLatency);
            }
            return new Round(
                    passthrough.recordsPerSecond(),
                    monitoring.recordsPerSecond(),
                    passthroughLatency,
                    monitoringLatency);
        }
    }

    private ReferenceProcess passthrough(Sitting sitting) {
        return ReferenceProcess.start(
                StreamsPassthrough.class,
                sitting.logs().resolve("streams-passthrough.log"),
                sitting.bootstrapServers(),
                sitting.directory.resolve("passthrough-state").toString(),
                PASSTHROUGH_ID,
                String.join(",", MonitoringBacklog.TOPICS),
                PASSTHROUGH_OUTPUT);
    }

    private FixedRateLatency.Result latency(String bootstrap, String output) throws InterruptedException {
        return FixedRateLatency.measure(
                bootstrap, output, plan.latencyPerSecond(), plan.latencyPhase(), plan.backlogPatients());
    }

    private static void report(String what, ConsumerGroupProgress.Drain drain) {
        System.out.printf(
                "  %s: %.0f records/s (%d records from its first commit in %.1f s; %.1f s from start)%n",
                what,
                drain.recordsPerSecond(),
                drain.records(),
                drain.secondsFromFirstCommit(),
                drain.secondsFromStart());
    }

    private void report(String what, FixedRateLatency.Result latency) {
        System.out.printf(
                "  %s at %d/s: %d sent, %d answered; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                plan.latencyPerSecond(),
                latency.sent(),
                latency.answered(),
                latency.p50(),
                latency.p99(),
                latency.max());
    }
}
