package org.toxwatch.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.model.Topics;
import org.toxwatch.platform.BootstrapCredentials;
import org.toxwatch.platform.OwnerOnlyFiles;

/**
 * Starts ToxWatch locally: a real Kafka broker and a MongoDB-wire store in this JVM (data under
 * {@code ./data}, kept across restarts, owner-only), then the three services as their own processes, and prints where
 * they are and how to log in. Ctrl-C stops the services first (they commit and flush), then the store and the
 * broker. With {@code --demo}, synthetic patients are streamed through the ingest API.
 */
public final class ToxWatchLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    public static void main(String[] args) throws InterruptedException {
        boolean demo = List.of(args).contains("--demo");
        Path home = home();
        Path data = Path.of(setting("TOXWATCH_DATA_DIR", home.resolve("data").toString()))
                .toAbsolutePath();
        int kafkaPort = Integer.parseInt(setting("KAFKA_PORT", "9092"));
        int mongoPort = Integer.parseInt(setting("MONGODB_PORT", "27017"));
        var ports = new EnumMap<ServiceKind, Integer>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind, Integer.parseInt(setting(kind.portVariable(), String.valueOf(kind.defaultPort()))));
        }
        Instant started = Instant.now();

        ownerOnly(data);
        var credentials = BootstrapCredentials.resolve(System::getenv, data.resolve("bootstrap-credentials"));
        var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort);
        broker.createTopics(Topics.ALL, Integer.parseInt(setting("TOXWATCH_TOPIC_PARTITIONS", "6")), Topics.COMPACTED);
        var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), mongoPort);
        var stopped = new CountDownLatch(1);
        var holder = new LocalPlatform[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("[toxwatch] stopping: services first, then MongoDB and Kafka");
                            if (holder[0] != null) {
                                holder[0].close();
                            }
                            mongo.close();
                            broker.close();
                            ownerOnly(data);
                            stopped.countDown();
                            System.out.println("[toxwatch] stopped cleanly");
                        },
                        "toxwatch-shutdown"));

        System.out.println("[toxwatch] Kafka broker on " + broker.bootstrapServers() + ", MongoDB-wire store on "
                + mongo.connectionString() + ", data in " + data);
        System.out.println(
                "[toxwatch] starting ingest, monitoring and alerting (logs in " + data.resolve("logs") + ")");
        try {
            holder[0] = LocalPlatform.start(new LocalPlatform.Settings(
                    home,
                    data,
                    ports,
                    broker.bootstrapServers(),
                    mongo.connectionString() + "/toxwatch",
                    credentials.asEnvironment(),
                    READY_TIMEOUT));
        } catch (RuntimeException e) {
            System.err.println("[toxwatch] start failed: " + e.getMessage());
            System.exit(1);
        }
        printWelcome(holder[0], credentials, data, Duration.between(started, Instant.now()));

        if (demo) {
            var feed = new DemoFeed(
                    holder[0].baseUrl(ServiceKind.INGEST),
                    BootstrapCredentials.INTEGRATION_USER,
                    credentials.passwordByUser().get(BootstrapCredentials.INTEGRATION_USER));
            Thread.ofPlatform().name("toxwatch-demo").daemon().start(feed::run);
        }
        stopped.await();
    }

    private static void printWelcome(
            LocalPlatform platform, BootstrapCredentials credentials, Path data, Duration startup) {
        System.out.println();
        System.out.println("[toxwatch] ready in " + startup.toSeconds() + " s");
        System.out.println("  ingest      " + platform.baseUrl(ServiceKind.INGEST)
                + "   POST /api/v1/observations, /api/v1/therapy-events; FHIR R4 at /fhir");
        System.out.println("  HL7 v2      MLLP on localhost:" + setting("INGEST_MLLP_PORT", "2575")
                + "   ORU^R01 results and vital signs, RAS^O17 administrations");
        System.out.println("  monitoring  " + platform.baseUrl(ServiceKind.MONITORING) + "   /actuator/health");
        System.out.println("  alerting    " + platform.baseUrl(ServiceKind.ALERTING) + "   GET /api/v1/alerts");
        System.out.println("  metrics     /actuator/prometheus on each service");
        System.out.println("  log in (HTTP Basic or the login form) as:");
        for (Map.Entry<String, String> user : credentials.passwordByUser().entrySet()) {
            System.out.println("    " + user.getKey() + " / " + user.getValue());
        }
        System.out.println("  (passwords from TOXWATCH_BOOTSTRAP_*_PASSWORD, else kept in "
                + data.resolve("bootstrap-credentials") + ")");
        System.out.println(
                "  A service that dies is restarted (1 s, 2 s, 4 s ... up to 60 s apart) and the reason printed.");
        System.out.println("  Ctrl-C stops everything cleanly; a restart keeps the data.");
        System.out.println();
    }

    /**
     * Makes the data directory and everything in it owner-only: before anything writes there (patient data in the
     * Kafka and MongoDB files is for this account's eyes only), and again after a clean stop.
     */
    static Path ownerOnly(Path data) {
        return OwnerOnlyFiles.tree(data);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The repository root: set by the Maven run, else found by walking up to the folder holding services/. */
    public static Path home() {
        String configured = System.getProperty("toxwatch.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null && !Files.isDirectory(candidate.resolve("services"))) {
            candidate = candidate.getParent();
        }
        if (candidate == null) {
            throw new IllegalStateException("cannot find the ToxWatch folder; set -Dtoxwatch.home");
        }
        return candidate;
    }

    private ToxWatchLauncher() {}
}
