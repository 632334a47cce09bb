package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (mongo-java-server) persisting to an H2 MVStore file, started in this JVM. It speaks
 * the MongoDB protocol to the real MongoDB driver. It lacks multi-document transactions, never expires TTL
 * indexes and offers change streams only with its oplog on; ToxWatch uses none of these.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final H2Backend backend;
    private final String connectionString;
    private boolean stopped;

    private EmbeddedMongoServer(MongoServer server, H2Backend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /**
     * Starts a server on {@code localhost:port} persisting under {@code dataDirectory}.
     *
     * @param port the port; 0 picks a free one
     */
    public static EmbeddedMongoServer start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the MongoDB data directory " + directory, e);
        }
        H2Backend backend =
                new EmbeddedStoreBackend(directory.resolve("toxwatch.mv").toString());
        var server = new MongoServer(backend);
        int boundPort = port == 0 ? FreePorts.pick() : port;
        server.bind("localhost", boundPort);
        var mongo = new EmbeddedMongoServer(server, backend, "mongodb://localhost:" + boundPort);
        log.info("MongoDB-wire server ready on localhost:{} with data in {}", boundPort, directory);
        return mongo;
    }

    /** A connection string without a database, e.g. {@code mongodb://localhost:27017}. */
    public String connectionString() {
        return connectionString;
    }

    /** Stops accepting connections, then commits and closes the store file. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdownNow();
        backend.close();
        log.info("MongoDB-wire server stopped");
    }
}
