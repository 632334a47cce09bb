package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faster key order must be H2's own: an index written by the stock backend is read by ours, and one written
 * by ours is read through H2's own key type.
 */
class EmbeddedStoreBackendIT {

    private static final int DOCUMENTS = 2_000;
    /** About 6 MB of documents, committed as one chunk. */
    private static final int LARGE_CHUNK_DOCUMENTS = 5_000;

    @TempDir
    Path data;

    @Test
    void theUniqueIndexesOfTheStoreCompareKeysOnceSerialized() {
        var backend = new EmbeddedStoreBackend(data.resolve("store.mv").toString());
        var server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (var client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
                MongoCollection<Document> alerts =
                        client.getDatabase("toxwatch").getCollection("alerts");
                alerts.createIndex(
                        Indexes.ascending("openKey"),
                        new IndexOptions().unique(true).sparse(true));
                alerts.insertOne(new Document("_id", "a-1").append("openKey", "CRS|p-1"));
            }

            List<String> indexMaps = backend.getMvStore().getMapNames().stream()
                    .filter(name -> name.startsWith("toxwatch.alerts._index_"))
                    .toList();
            assertThat(indexMaps).contains("toxwatch.alerts._index_openKey_1");
            assertThat(indexMaps)
                    .allSatisfy(name -> assertThat(
                                    backend.getMvStore().openMap(name).getKeyType())
                            .isInstanceOf(SerializedKeyOrder.class));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void anIndexWrittenByTheStockBackendIsReadAndKeptUniqueByOurs() {
        Path file = data.resolve("stock-first.mv");
        write(new H2Backend(file.toString()), 0, DOCUMENTS);

        write(new EmbeddedStoreBackend(file.toString()), DOCUMENTS, DOCUMENTS + 200);

        assertEveryKeyIsFoundAndNoneTakenTwice(new EmbeddedStoreBackend(file.toString()), DOCUMENTS + 200);
    }

    /**
     * The stock backend cannot open this store's file since documents are BSON ({@link BsonDocumentsIT}), so the
     * index written here is read as the stock backend reads it: through H2's own key type, one key at a time.
     */
    @Test
    void anIndexWrittenByOursIsInH2sOwnKeyOrder() {
        Path file = data.resolve("ours-first.mv");
        write(new EmbeddedStoreBackend(file.toString()), 0, DOCUMENTS);
        write(new EmbeddedStoreBackend(file.toString()), DOCUMENTS, DOCUMENTS + 200);

        MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Object> index = store.openMap("toxwatch.archive._index_acceptedKey_1");
            assertThat(index.getKeyType()).isInstanceOf(ObjectDataType.class);
            var positions = new HashSet<Object>();
            for (int i = 0; i < DOCUMENTS + 200; i++) {
                Object position = index.get(new KeyValue(acceptedKey(i)));
                assertThat(position).as("document %d by its unique key", i).isInstanceOf(Long.class);
                positions.add(position);
            }
            assertThat(positions).hasSize(DOCUMENTS + 200);
            assertThat(index.size()).isEqualTo(DOCUMENTS + 200);
        } finally {
            store.close();
        }
        assertEveryKeyIsFoundAndNoneTakenTwice(new EmbeddedStoreBackend(file.toString()), DOCUMENTS + 200);
    }

    /**
     * Documents are kept in order of insertion across restarts: a restarted store goes on past the positions it had
     * reserved, so no position is handed out twice, not even one a removed document left.
     */
    @Test
    void documentsWrittenAcrossRestartsAreKeptInTheOrderTheyWereInserted() {
        Path file = data.resolve("insertion-order.mv");
        write(new EmbeddedStoreBackend(file.toString()), 0, DOCUMENTS);
        withCollection(
                new EmbeddedStoreBackend(file.toString()), archive -> archive.deleteOne(Filters.eq("_id", "m-0")));
        write(new EmbeddedStoreBackend(file.toString()), DOCUMENTS, DOCUMENTS + 200);
        write(new EmbeddedStoreBackend(file.toString()), DOCUMENTS + 200, DOCUMENTS + 201);

        MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = store.openMap(
                    "databases.toxwatch.archive",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new BsonDocumentType()));
            assertThat(documents.keySet()).allMatch(Long.class::isInstance);
            var idsInMapOrder = documents.values().stream()
                    .map(document -> document.get("_id"))
                    .toList();
            var idsInsertedInOrder =
                    IntStream.range(1, DOCUMENTS + 201).mapToObj(i -> "m-" + i).toList();
            assertThat(idsInMapOrder).isEqualTo(idsInsertedInOrder);
        } finally {
            store.close();
        }
    }

    /**
     * A store the stock backend wrote keeps its documents under their ids. Ours finds, updates and removes them by
     * id, and passes over a position an old document holds as its id (here a number), so none is overwritten.
     */
    @Test
    void documentsKeptUnderTheirIdsByTheStockBackendStayFoundAndAreNeverOverwritten() {
        Path file = data.resolve("stock-ids.mv");
        withCollection(new H2Backend(file.toString()), archive -> {
            for (long id = 1; id <= 50; id++) {
                archive.insertOne(new Document("_id", id).append("status", "OLD"));
            }
            archive.insertOne(new Document("_id", "m-old").append("status", "OLD"));
        });

        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> {
            for (int i = 0; i < 60; i++) {
                archive.insertOne(new Document("_id", "m-" + i).append("status", "NEW"));
            }
            archive.updateOne(Filters.eq("_id", 7L), Updates.set("status", "CHANGED"));
            archive.deleteOne(Filters.eq("_id", "m-old"));
        });

        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> {
            assertThat(archive.countDocuments(Filters.eq("status", "OLD"))).isEqualTo(49);
            assertThat(archive.countDocuments(Filters.eq("status", "NEW"))).isEqualTo(60);
            assertThat(archive.find(Filters.eq("_id", 7L)).first()).containsEntry("status", "CHANGED");
            assertThat(archive.find(Filters.eq("_id", 50L)).first()).containsEntry("status", "OLD");
            assertThat(archive.find(Filters.eq("_id", "m-59")).first()).containsEntry("status", "NEW");
            assertThat(archive.find(Filters.eq("_id", "m-old")).first()).isNull();
            assertThat(archive.countDocuments()).isEqualTo(110);
        });
    }

    /**
     * Keys read from the file stay bytes until an index is walked: after a restart every key is found, a taken one
     * refused, a removed one free again, and a regular expression on the indexed field (a walk over the index) sees
     * the keys themselves.
     */
    @Test
    void keysReadBackFromTheFileAreFoundRefusedFreedAndWalked() {
        Path file = data.resolve("reopened.mv");
        write(new EmbeddedStoreBackend(file.toString()), 0, DOCUMENTS);

        assertEveryKeyIsFoundAndNoneTakenTwice(new EmbeddedStoreBackend(file.toString()), DOCUMENTS);
        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> {
            assertThat(archive.deleteOne(Filters.eq("acceptedKey", acceptedKey(5)))
                            .getDeletedCount())
                    .isEqualTo(1);
            archive.insertOne(new Document("_id", "again-5").append("acceptedKey", acceptedKey(5)));

            List<Object> matched = new ArrayList<>();
            archive.find(Filters.regex("acceptedKey", "^LAB-3\\|"))
                    .forEach(document -> matched.add(document.get("_id")));
            List<Object> expected = new ArrayList<>();
            for (int i = 3; i < DOCUMENTS; i += 7) {
                expected.add("m-" + i);
            }
            assertThat(matched).containsExactlyInAnyOrderElementsOf(expected);
        });
        withCollection(
                new EmbeddedStoreBackend(file.toString()),
                archive -> assertThat(archive.find(Filters.eq("acceptedKey", acceptedKey(5)))
                                .first())
                        .extracting(document -> document.get("_id"))
                        .isEqualTo("again-5"));
    }

    /**
     * A key goes into the index as its serialized bytes, so H2 does not serialize it again each time it writes the
     * key's page; without a restart in between, every key is still found, a taken one refused and the index walked.
     */
    @Test
    void keysInsertedAreKeptAsTheBytesH2WouldHaveWritten() {
        var backend = new EmbeddedStoreBackend(data.resolve("inserted.mv").toString());
        withCollection(backend, archive -> {
            archive.createIndex(
                    Indexes.ascending("acceptedKey"),
                    new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 300; i++) {
                archive.insertOne(new Document("_id", "m-" + i).append("acceptedKey", acceptedKey(i)));
            }

            MVMap<Object, Object> index = backend.getMvStore().openMap("toxwatch.archive._index_acceptedKey_1");
            assertThat(index.keySet())
                    .hasSize(300)
                    .allSatisfy(key -> assertThat(key).isInstanceOf(StoredIndexKey.class));
            assertThat(((StoredIndexKey) index.firstKey()).serialized())
                    .isEqualTo(ObjectDataType.serialize(StoredIndexKey.asKeyValue(index.firstKey())));
            assertThat(archive.find(Filters.eq("acceptedKey", acceptedKey(123))).first())
                    .extracting(document -> document.get("_id"))
                    .isEqualTo("m-123");
            assertThatThrownBy(() ->
                            archive.insertOne(new Document("_id", "again-7").append("acceptedKey", acceptedKey(7))))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(archive.deleteOne(Filters.eq("acceptedKey", acceptedKey(7)))
                            .getDeletedCount())
                    .isEqualTo(1);
            archive.insertOne(new Document("_id", "again-7").append("acceptedKey", acceptedKey(7)));
            assertThat(archive.find(Filters.regex("acceptedKey", "^LAB-0\\|")).into(new ArrayList<>()))
                    .hasSize(43)
                    .anySatisfy(document -> assertThat(document.get("_id")).isEqualTo("again-7"));
        });
    }

    /**
     * Chunks of more than 4 MB are written from buffers the file store keeps (H2 itself would grow a new one for
     * each), and every document written through them reads back whole after a restart.
     */
    @Test
    void chunksLargerThanFourMegabytesAreWrittenFromKeptBuffersAndReadBackWhole() {
        Path file = data.resolve("large-chunks.mv");
        var backend = new EmbeddedStoreBackend(file.toString());
        // Chunks only at the commits below, not whenever a second has passed.
        backend.getMvStore().setAutoCommitDelay(0);
        withCollection(backend, archive -> {
            for (int chunk = 0; chunk < 3; chunk++) {
                List<Document> documents = new ArrayList<>();
                for (int i = chunk * LARGE_CHUNK_DOCUMENTS; i < (chunk + 1) * LARGE_CHUNK_DOCUMENTS; i++) {
                    documents.add(new Document("_id", "m-" + i).append("raw", rawMessage(i)));
                }
                archive.insertMany(documents);
                backend.commit();
            }
            FileStore<?> files = backend.getMvStore().getFileStore();
            WriteBuffer kept = files.getWriteBuffer();
            assertThat(kept.capacity()).isGreaterThan(4 * 1024 * 1024);
            files.releaseWriteBuffer(kept);
        });

        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> {
            assertThat(archive.countDocuments()).isEqualTo(3 * LARGE_CHUNK_DOCUMENTS);
            for (Document document : archive.find()) {
                int i = Integer.parseInt(document.getString("_id").substring("m-".length()));
                assertThat(document.getString("raw")).as("document %d", i).isEqualTo(rawMessage(i));
            }
        });
    }

    private static String rawMessage(int i) {
        return ("OBX|" + i + "|").repeat(100);
    }

    private static void write(H2Backend backend, int from, int to) {
        withCollection(backend, archive -> {
            archive.createIndex(
                    Indexes.ascending("acceptedKey"),
                    new IndexOptions().unique(true).sparse(true));
            List<Document> documents = new ArrayList<>();
            for (int i = from; i < to; i++) {
                documents.add(new Document("_id", "m-" + i).append("acceptedKey", acceptedKey(i)));
            }
            archive.insertMany(documents);
        });
    }

    private static void assertEveryKeyIsFoundAndNoneTakenTwice(H2Backend backend, int count) {
        withCollection(backend, archive -> {
            for (int i = 0; i < count; i++) {
                assertThat(archive.find(Filters.eq("acceptedKey", acceptedKey(i)))
                                .first())
                        .as("document %d by its unique key", i)
                        .isNotNull()
                        .extracting(document -> document.get("_id"))
                        .isEqualTo("m-" + i);
            }
            for (int i = 0; i < count; i += 97) {
                var duplicate = new Document("_id", "again-" + i).append("acceptedKey", acceptedKey(i));
                assertThatThrownBy(() -> archive.insertOne(duplicate))
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
            }
            assertThat(archive.countDocuments()).isEqualTo(count);
        });
    }

    private static String acceptedKey(int i) {
        return "LAB-" + (i % 7) + "|" + Integer.toString(i * 7919, 36);
    }

    private static void withCollection(H2Backend backend, java.util.function.Consumer<MongoCollection<Document>> use) {
        var server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (var client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
                use.accept(client.getDatabase("toxwatch").getCollection("archive"));
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
