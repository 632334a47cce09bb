package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that scans a whole collection reads one version of the store from start to end. While it runs, other
 * collections keep changing and H2 keeps committing and rewriting chunks; the chunks the scan's version still
 * needs must stay readable until it ends. In the hour's soak at 200 messages/s, a clinician's alert list and
 * ingest's archive clean-up both failed with H2's "Chunk ... not found" on the stock collection.
 */
class LongScanIT {

    private static final int SCANNED_DOCUMENTS = 40_000;
    private static final int CHANGING_DOCUMENTS = 4_000;
    private static final Duration SCANNING_FOR = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private EmbeddedStoreBackend backend;
    private MongoServer server;
    private MongoClient client;
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        backend = new EmbeddedStoreBackend(data.resolve("store.mv").toString());
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    }

    @AfterEach
    void stop() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        client.close();
        server.shutdownNow();
        backend.close();
    }

    @Test
    void aScanOfOneCollectionReadsToItsEndWhileOthersChangeAndTheStoreCommits() {
        MongoCollection<Document> archive = client.getDatabase("toxwatch").getCollection("archive");
        MongoCollection<Document> alerts = client.getDatabase("toxwatch").getCollection("alerts");
        fillSideBySide(archive, alerts);
        // The soak's archive chunks were hours old, past H2's 45-second retention; here they are seconds old.
        backend.getMvStore().setRetentionTime(0);

        var writing = new AtomicBoolean(true);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var commits = new AtomicInteger();
        var rewrites = new AtomicInteger();
        writers.submit(() -> change(alerts, writing, failures));
        writers.submit(() -> {
            try {
                while (writing.get()) {
                    backend.getMvStore().commit();
                    if (backend.getMvStore().compact(90, 1 << 20)) {
                        rewrites.incrementAndGet();
                    }
                    commits.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });

        int scans = 0;
        var scanFailures = new ArrayList<String>();
        long until = System.nanoTime() + SCANNING_FOR.toNanos();
        while (System.nanoTime() < until) {
            try {
                int read = 0;
                for (Document ignored :
                        archive.find(Filters.lt("receivedAt", Long.MAX_VALUE)).projection(Projections.include("_id"))) {
                    read++;
                }
                assertThat(read).isEqualTo(SCANNED_DOCUMENTS);
            } catch (RuntimeException e) {
                scanFailures.add(e.getMessage());
            }
            scans++;
        }
        writing.set(false);

        assertThat(failures).isEmpty();
        assertThat(commits.get()).as("commits while scanning").isGreaterThan(100);
        assertThat(rewrites.get())
                .as("compactions that moved pages while scanning")
                .isPositive();
        assertThat(scans).isGreaterThan(1);
        assertThat(scanFailures).as("failed scans out of %d", scans).isEmpty();
    }

    /** Both collections written in turn, so that the store's chunks hold pages of both. */
    private void fillSideBySide(MongoCollection<Document> scanned, MongoCollection<Document> changing) {
        for (int i = 0; i < SCANNED_DOCUMENTS; i += 100) {
            var batch = new ArrayList<Document>();
            for (int j = i; j < i + 100; j++) {
                batch.add(message(j));
            }
            scanned.insertMany(batch);
            for (int j = i; j < i + 100; j++) {
                int key = j % CHANGING_DOCUMENTS;
                changing.replaceOne(
                        Filters.eq("_id", "a-" + key),
                        message(key).append("_id", "a-" + key),
                        new ReplaceOptions().upsert(true));
            }
            backend.getMvStore().commit();
        }
    }

    private static void change(
            MongoCollection<Document> collection, AtomicBoolean writing, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            for (long round = 0; writing.get(); round++) {
                int key = (int) (round % CHANGING_DOCUMENTS);
                collection.replaceOne(
                        Filters.eq("_id", "a-" + key),
                        message(key).append("_id", "a-" + key).append("round", round),
                        new ReplaceOptions().upsert(true));
            }
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static Document message(int i) {
        return new Document("_id", "m-" + i)
                .append("receivedAt", 1_700_000_000_000L + i)
                .append("status", "ACCEPTED")
                .append("segments", List.of("MSH|^~\\&|LAB|" + i, "PID|1||" + i, "OBX|1|NM|26464-8^WBC^LN||" + i))
                .append("text", "x".repeat(400));
    }
}
