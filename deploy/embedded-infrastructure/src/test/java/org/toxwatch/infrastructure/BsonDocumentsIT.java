package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps its documents as BSON, and a store file whose documents the stock backend wrote (Java
 * serialization) keeps working: every document is read, updated and read again across restarts. The way back
 * is closed: the stock backend cannot open a file holding a BSON document.
 */
class BsonDocumentsIT {

    private static final int DOCUMENTS = 1_500;

    @TempDir
    Path data;

    @Test
    void theCollectionsOfTheStoreKeepTheirDocumentsAsBson() {
        var backend = new EmbeddedStoreBackend(data.resolve("store.mv").toString());
        withCollection(backend, archive -> archive.insertOne(document(1)));

        var reopened = new EmbeddedStoreBackend(data.resolve("store.mv").toString());
        withCollection(reopened, archive -> {
            assertThat(archive.find(Filters.eq("_id", "m-1")).first()).isEqualTo(document(1));
            assertThat(reopened.getMvStore()
                            .openMap("databases.toxwatch.archive")
                            .getValueType())
                    .isInstanceOf(BsonDocumentType.class);
        });
    }

    @Test
    void documentsTheStockBackendWroteAreReadUpdatedAndReadAgainAfterARestart() {
        Path file = data.resolve("stock-first.mv");
        withCollection(new H2Backend(file.toString()), archive -> archive.insertMany(documents(0, DOCUMENTS)));

        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> {
            assertEveryDocumentIsAsWritten(archive, DOCUMENTS, -1);
            for (int i = 0; i < DOCUMENTS; i += 3) {
                archive.updateOne(
                        Filters.eq("_id", "m-" + i),
                        Updates.combine(Updates.set("status", "UPDATED"), Updates.push("results", i)));
            }
            archive.insertMany(documents(DOCUMENTS, DOCUMENTS + 100));
        });

        withCollection(
                new EmbeddedStoreBackend(file.toString()),
                archive -> assertEveryDocumentIsAsWritten(archive, DOCUMENTS + 100, DOCUMENTS));
    }

    @Test
    void aFileWrittenWithBsonDocumentsIsNotOpenedByTheStockBackend() {
        Path file = data.resolve("ours-first.mv");
        withCollection(new EmbeddedStoreBackend(file.toString()), archive -> archive.insertOne(document(1)));

        assertThatThrownBy(() -> new H2Backend(file.toString()))
                .isInstanceOf(MVStoreException.class)
                .hasMessageContaining("Unknown tag " + BsonDocumentType.BSON_TAG);
    }

    private static void assertEveryDocumentIsAsWritten(MongoCollection<Document> archive, int count, int updatedBelow) {
        for (int i = 0; i < count; i++) {
            Document expected = document(i);
            if (i < updatedBelow && i % 3 == 0) {
                expected.put("status", "UPDATED");
                expected.getList("results", Object.class).add(i);
            }
            assertThat(archive.find(Filters.eq("_id", "m-" + i)).first())
                    .as("document %d", i)
                    .isEqualTo(expected);
        }
        assertThat(archive.countDocuments()).isEqualTo(count);
    }

    private static List<Document> documents(int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(document(i));
        }
        return documents;
    }

    /** One document of every value type the wire carries, varied by {@code i}. */
    private static Document document(int i) {
        List<Object> results = new ArrayList<>(List.of(
                new Document("code", "LOINC-" + (i % 20)).append("value", i * 0.25), "text-" + i, (long) i << 33));
        return new Document("_id", "m-" + i)
                .append("status", i % 2 == 0 ? "ACCEPTED" : "REJECTED")
                .append("count", i)
                .append("big", (long) i * 1_000_003L)
                .append("ratio", i / 7.0)
                .append("exact", new Decimal128(i))
                .append("flag", i % 3 == 0)
                .append("missing", null)
                .append("receivedAt", new Date(1_700_000_000_000L + i))
                .append("objectId", new ObjectId(1_700_000_000 + i, i))
                .append("uuid", new UUID(i, -i))
                .append("payload", new Binary(BsonBinarySubType.BINARY, ("body-" + i).getBytes()))
                .append("stamp", new BsonTimestamp(i, 1))
                .append("lowest", new MinKey())
                .append("highest", new MaxKey())
                .append("results", results)
                .append("patient", new Document("ward", "W-" + (i % 9)).append("name", "Ünïcödé 😀 " + i));
    }

    private static void withCollection(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        var server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            var settings = MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://localhost:" + address.getPort()))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .build();
            try (var client = MongoClients.create(settings)) {
                use.accept(client.getDatabase("toxwatch").getCollection("archive"));
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
