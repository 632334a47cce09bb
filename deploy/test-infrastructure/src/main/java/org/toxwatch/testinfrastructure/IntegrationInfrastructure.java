package org.toxwatch.testinfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;

/**
 * The Kafka broker and MongoDB server every integration test uses, started once per test JVM. Where a
 * Docker engine answers, Testcontainers' Kafka (official apache/kafka image) and MongoDB containers;
 * otherwise the in-process KRaft broker and MongoDB-wire server. The tier never skips. Force one with
 * {@code -Dtoxwatch.test-infrastructure=embedded|testcontainers}.
 */
public final class IntegrationInfrastructure {

    public enum Kind {
        EMBEDDED,
        TESTCONTAINERS
    }

    static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static @Nullable IntegrationInfrastructure shared;

    private final Kind kind;
    private final String bootstrapServers;
    private final String mongoConnectionString;

    private IntegrationInfrastructure(Kind kind, String bootstrapServers, String mongoConnectionString) {
        this.kind = kind;
        this.bootstrapServers = bootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    /** The infrastructure of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized IntegrationInfrastructure shared() {
        if (shared == null) {
            shared = start(chooseKind());
            System.out.println("[toxwatch] integration infrastructure: " + shared.describe());
        }
        return shared;
    }

    public Kind kind() {
        return kind;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A MongoDB connection string for the given database. */
    public String mongoUri(String database) {
        return mongoConnectionString + "/" + database;
    }

    public String describe() {
        return switch (kind) {
            case EMBEDDED ->
                "EMBEDDED (in-process Apache Kafka KRaft broker at " + bootstrapServers
                        + ", mongo-java-server MongoDB-wire server at " + mongoConnectionString + ")";
            case TESTCONTAINERS ->
                "TESTCONTAINERS (" + KAFKA_IMAGE + " at " + bootstrapServers + ", " + MONGO_IMAGE + " at "
                        + mongoConnectionString + ")";
        };
    }

    /** Points a Spring Boot test at this infrastructure, with a database of its own. */
    public void registerProperties(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", this::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
    }

    private static Kind chooseKind() {
        String forced = System.getProperty("toxwatch.test-infrastructure", "");
        if (!forced.isBlank()) {
            return Kind.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return dockerAvailable() ? Kind.TESTCONTAINERS : Kind.EMBEDDED;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static IntegrationInfrastructure start(Kind kind) {
        return switch (kind) {
            case TESTCONTAINERS -> startContainers();
            case EMBEDDED -> startEmbedded();
        };
    }

    private static IntegrationInfrastructure startContainers() {
        var kafka = new KafkaContainer(KAFKA_IMAGE);
        var mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            kafka.stop();
        }));
        return new IntegrationInfrastructure(
                Kind.TESTCONTAINERS, kafka.getBootstrapServers(), stripDatabase(mongo.getConnectionString()));
    }

    private static IntegrationInfrastructure startEmbedded() {
        Path data;
        try {
            data = Files.createTempDirectory("toxwatch-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
        var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            broker.close();
        }));
        return new IntegrationInfrastructure(Kind.EMBEDDED, broker.bootstrapServers(), mongo.connectionString());
    }

    private static String stripDatabase(String connectionString) {
        int slash = connectionString.indexOf('/', "mongodb://".length());
        return slash < 0 ? connectionString : connectionString.substring(0, slash);
    }
}
