package org.toxwatch.benchmark;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.toxwatch.benchmark.load.ClosedLoopLoad;
import org.toxwatch.benchmark.load.FhirBundleSender;
import org.toxwatch.benchmark.load.FhirObservationSender;
import org.toxwatch.benchmark.load.HttpObservationSender;
import org.toxwatch.benchmark.load.MllpSender;
import org.toxwatch.benchmark.load.OruMessages;
import org.toxwatch.benchmark.reference.MllpKafkaBridge;
import org.toxwatch.benchmark.reference.ReferenceProcess;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ServiceProcess;
import org.toxwatch.platform.BootstrapCredentials;

/**
 * Ingest over MLLP against the MLLP-to-Kafka bridge: each gets the same warm-up, then each connection count in turn
 * for the same time, on the same ORU^R01 messages. Nothing consumes the topics meanwhile (downstream paused).
 * ToxWatch then takes JSON observations over HTTP, then FHIR transaction Bundles of lab Observations, then single FHIR
 * Observations, each for the same time.
 */
final class IngestStage {

    static final String BRIDGE_TOPIC = "benchmark.mllp-bridge.v1";

    /**
     * Acknowledged messages per second by connection count, JSON requests per second, Observations per second in
     * acknowledged FHIR transaction Bundles, and single FHIR Observations created per second.
     */
    record Round(
            Map<Integer, Double> bridge,
            Map<Integer, Double> toxwatch,
            double toxwatchHttp,
            double toxwatchFhir,
            double toxwatchFhirSingle) {}

    private final BenchmarkPlan plan;
    private final Path home;
    private final Sitting.Credentials credentials;

    IngestStage(BenchmarkPlan plan, Path home, Sitting.Credentials credentials) {
        this.plan = plan;
        this.home = home;
        this.credentials = credentials;
    }

    Round run(Path directory) throws Exception {
        var messages = new OruMessages(Instant.now());
        try (var sitting = Sitting.open(directory, credentials, BRIDGE_TOPIC)) {
            var bridge = new LinkedHashMap<Integer, Double>();
            int bridgePort = FreePorts.pick();
            try (var reference = ReferenceProcess.start(
                    MllpKafkaBridge.class,
                    sitting.logs().resolve("mllp-bridge.log"),
                    sitting.bootstrapServers(),
                    String.valueOf(bridgePort),
                    BRIDGE_TOPIC)) {
                awaitListening(bridgePort, reference);
                measureMllp(bridgePort, messages, bridge);
            }
            var toxwatch = new LinkedHashMap<Integer, Double>();
            double http;
            double fhir;
            double fhirSingle;
            int mllpPort = FreePorts.pick();
            var environment = new LinkedHashMap<>(sitting.serviceEnvironment(ServiceKind.INGEST));
            environment.put("INGEST_MLLP_PORT", String.valueOf(mllpPort));
            try (var ingest =
                    ServiceProcess.start(home, ServiceKind.INGEST, FreePorts.pick(), environment, sitting.logs())) {
                ingest.awaitReady(Duration.ofMinutes(2));
                measureMllp(mllpPort, messages, toxwatch);
                String password = credentials.passwords().passwordByUser().get(BootstrapCredentials.INTEGRATION_USER);
                ClosedLoopLoad.SenderFactory clients = connection -> new HttpObservationSender(
                        ingest.port(), connection, BootstrapCredentials.INTEGRATION_USER, password);
                int connections = plan.ingestConnections().getFirst();
                ClosedLoopLoad.run(connections, plan.ingestWarmUp(), clients);
                var result = ClosedLoopLoad.run(connections, plan.ingestPhase(), clients);
                report("ToxWatch ingest, JSON over HTTP", connections, result);
                http = result.acknowledgedPerSecond();
                ClosedLoopLoad.SenderFactory bundles = connection -> new FhirBundleSender(
                        ingest.port(), connection, BootstrapCredentials.INTEGRATION_USER, password);
                ClosedLoopLoad.run(connections, plan.ingestWarmUp(), bundles);
                var fhirResult = ClosedLoopLoad.run(connections, plan.ingestPhase(), bundles);
                report("ToxWatch ingest, FHIR transaction Bundles", connections, fhirResult);
                fhir = fhirResult.acknowledgedPerSecond() * FhirBundleSender.OBSERVATIONS;
                ClosedLoopLoad.SenderFactory singles = connection -> new FhirObservationSender(
                        ingest.port(), connection, BootstrapCredentials.INTEGRATION_USER, password);
                ClosedLoopLoad.run(connections, plan.ingestWarmUp(), singles);
                var singleResult = ClosedLoopLoad.run(connections, plan.ingestPhase(), singles);
                report("ToxWatch ingest, single FHIR Observations", connections, singleResult);
                fhirSingle = singleResult.acknowledgedPerSecond();
            }
            return new Round(bridge, toxwatch, http, fhir, fhirSingle);
        }
    }

    private void measureMllp(int port, OruMessages messages, Map<Integer, Double> into) throws InterruptedException {
        ClosedLoopLoad.SenderFactory senders = connection -> new MllpSender(port, connection, messages);
        ClosedLoopLoad.run(plan.ingestConnections().getLast(), plan.ingestWarmUp(), senders);
        for (int connections : plan.ingestConnections()) {
            var result = ClosedLoopLoad.run(connections, plan.ingestPhase(), senders);
            report("MLLP on port " + port, connections, result);
            into.put(connections, result.acknowledgedPerSecond());
        }
    }

    private static void report(String what, int connections, ClosedLoopLoad.Result result) {
        System.out.printf(
                "  %s, %d connections: %.0f/s (%d acknowledged, %d refused)%n",
                what, connections, result.acknowledgedPerSecond(), result.acknowledged(), result.refused());
        if (result.refused() > 0) {
            System.err.printf(
                    "  warning: %s refused %d messages; only acknowledged ones count%n", what, result.refused());
        }
    }

    private static void awaitListening(int port, ReferenceProcess reference) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            reference.assertAlive();
            try (var socket = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50); // a probe, not a test
            }
        }
        throw new IllegalStateException("the MLLP bridge did not listen on " + port);
    }
}
