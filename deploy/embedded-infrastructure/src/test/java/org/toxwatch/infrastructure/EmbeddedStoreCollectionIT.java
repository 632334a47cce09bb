package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update must leave every document object the store has held as it was put, since H2 may be writing it on
 * another thread; the update's result is a new object in the map, and what a client reads is the same as with the
 * stock collection. A write does not count the document's bytes into the collection's metadata. A query that names
 * one id and more matches as MongoDB does (it is answered through the id index). Documents are kept in order of
 * insertion and found by their ids through the id index.
 */
class EmbeddedStoreCollectionIT {

    @TempDir
    Path data;

    private EmbeddedStoreBackend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> archive;
    private MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored;

    @BeforeEach
    void start() {
        backend = new EmbeddedStoreBackend(data.resolve("store.mv").toString());
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        archive = client.getDatabase("toxwatch").getCollection("archive");
        archive.insertOne(new Document("_id", "m-1")
                .append("status", "PROCESSING")
                .append("reasons", List.of("OBX-5 empty"))
                .append("resends", 0));
        stored = backend.getMvStore().openMap("databases.toxwatch.archive");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        backend.close();
    }

    @Test
    void anUpdateFoundThroughTheIdIndexPutsANewDocumentAndLeavesTheOldOneAsItWas() {
        assertUpdateLeavesTheHeldDocument(Filters.eq("_id", "m-1"));
    }

    @Test
    void anUpdateFoundByScanningPutsANewDocumentAndLeavesTheOldOneAsItWas() {
        assertUpdateLeavesTheHeldDocument(Filters.eq("status", "PROCESSING"));
    }

    @Test
    void aReplacementAsSpringsSaveSendsItLeavesTheOldDocumentAsItWas() {
        var held = held("m-1");
        var asHeld = held.cloneDeeply();

        archive.replaceOne(
                Filters.eq("_id", "m-1"), new Document("status", "REJECTED"), new ReplaceOptions().upsert(true));

        assertThat(held).isEqualTo(asHeld);
        assertThat(archive.find(Filters.eq("_id", "m-1")).first())
                .isEqualTo(new Document("_id", "m-1").append("status", "REJECTED"));
    }

    @Test
    void aFindAndModifyLeavesTheOldDocumentAsItWasAndAnswersTheNewOne() {
        var held = held("m-1");
        var asHeld = held.cloneDeeply();

        Document answered = archive.findOneAndUpdate(
                Filters.eq("status", "PROCESSING"),
                Updates.combine(Updates.inc("resends", 1), Updates.set("lastResentAt", 17L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

        assertThat(held).isEqualTo(asHeld);
        assertThat(answered).containsEntry("resends", 1).containsEntry("lastResentAt", 17L);
        assertThat(held("m-1")).isNotSameAs(held).containsEntry("resends", 1);
    }

    @Test
    void anUpdateFoundByItsIdAndMoreLeavesTheOldDocumentAsItWas() {
        assertUpdateLeavesTheHeldDocument(new Document("_id", "m-1").append("status", "PROCESSING"));
    }

    @Test
    void aVersionedSaveChangesTheDocumentOnlyAtTheVersionItNames() {
        archive.insertOne(new Document("_id", "p-1").append("version", 1L).append("ward", "7B"));

        long stale = archive.updateOne(
                        new Document("_id", "p-1").append("version", 0L),
                        Updates.combine(Updates.set("ward", "ICU"), Updates.set("version", 1L)))
                .getMatchedCount();
        long current = archive.updateOne(
                        new Document("_id", "p-1").append("version", 1L),
                        Updates.combine(Updates.set("ward", "ICU"), Updates.set("version", 2L)))
                .getMatchedCount();

        assertThat(stale).isZero();
        assertThat(current).isOne();
        assertThat(archive.find(Filters.eq("_id", "p-1")).first())
                .isEqualTo(new Document("_id", "p-1").append("version", 2L).append("ward", "ICU"));
        assertThat(archive.deleteOne(new Document("_id", "p-1").append("version", 1L))
                        .getDeletedCount())
                .isZero();
        assertThat(archive.deleteOne(new Document("_id", "p-1").append("version", 2L))
                        .getDeletedCount())
                .isOne();
    }

    @Test
    void aQueryNamingAnIdAndMoreMatchesAsMongoDbDoes() {
        archive.insertOne(
                new Document("_id", "m-2").append("status", "PROCESSING").append("resends", 2));

        assertThat(ids(Filters.and(Filters.eq("_id", "m-2"), Filters.eq("status", "PROCESSING"))))
                .containsExactly("m-2");
        assertThat(ids(Filters.and(Filters.eq("_id", "m-2"), Filters.eq("status", "ACCEPTED"))))
                .isEmpty();
        assertThat(ids(Filters.and(Filters.eq("_id", "m-9"), Filters.eq("status", "PROCESSING"))))
                .isEmpty();
        assertThat(ids(Filters.and(
                        Filters.eq("_id", "m-2"), Filters.or(Filters.eq("resends", 0), Filters.gt("resends", 1)))))
                .containsExactly("m-2");
        assertThat(ids(Filters.and(Filters.in("_id", "m-1", "m-2"), Filters.eq("status", "PROCESSING"))))
                .containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(ids(Filters.and(Filters.regex("_id", "^m-"), Filters.eq("status", "PROCESSING"))))
                .containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(ids(new Document("_id", "m-2").append("status", "PROCESSING")))
                .containsExactly("m-2");
        assertThat(ids(new Document("_id", "m-2").append("status", "ACCEPTED"))).isEmpty();
        assertThat(ids(new Document("_id", "m-9").append("status", "PROCESSING")))
                .isEmpty();
        assertThat(ids(new Document("_id", new Document("$in", List.of("m-1", "m-2"))).append("status", "PROCESSING")))
                .containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(archive.countDocuments(new Document("_id", "m-1").append("resends", 0)))
                .isOne();
    }

    @Test
    void anUpdateOfManyLeavesEachOldDocumentAsItWas() {
        archive.insertOne(new Document("_id", "m-2").append("status", "PROCESSING"));
        var first = held("m-1");
        var second = held("m-2");
        var firstAsHeld = first.cloneDeeply();
        var secondAsHeld = second.cloneDeeply();

        long changed = archive.updateMany(Filters.eq("status", "PROCESSING"), Updates.set("status", "ACCEPTED"))
                .getModifiedCount();

        assertThat(changed).isEqualTo(2);
        assertThat(first).isEqualTo(firstAsHeld);
        assertThat(second).isEqualTo(secondAsHeld);
        assertThat(archive.countDocuments(Filters.eq("status", "ACCEPTED"))).isEqualTo(2);
    }

    @Test
    void anUpsertThatMatchesNothingStillInserts() {
        archive.updateOne(
                Filters.eq("_id", "m-3"),
                Updates.addToSet("waiting", "ORU-7"),
                new com.mongodb.client.model.UpdateOptions().upsert(true));

        assertThat(archive.find(Filters.eq("_id", "m-3")).first())
                .isEqualTo(new Document("_id", "m-3").append("waiting", List.of("ORU-7")));
    }

    @Test
    void insertsUpdatesAndDeletesLeaveTheCollectionsMetadataAsItWas() {
        MVMap<String, Object> metadata = backend.getMvStore().openMap("meta.toxwatch.archive");
        var asBefore = Map.copyOf(metadata);

        archive.insertOne(new Document("_id", "m-2").append("status", "PROCESSING"));
        archive.updateOne(Filters.eq("_id", "m-2"), Updates.set("status", "ACCEPTED"));
        archive.replaceOne(Filters.eq("_id", "m-1"), new Document("status", "REJECTED"));
        archive.deleteOne(Filters.eq("_id", "m-2"));

        assertThat(Map.copyOf(metadata)).isEqualTo(asBefore);
        assertThat(archive.find(Filters.eq("_id", "m-1")).first())
                .isEqualTo(new Document("_id", "m-1").append("status", "REJECTED"));
        assertThat(archive.countDocuments()).isEqualTo(1);
    }

    @Test
    void documentsAreKeptInOrderOfInsertionWhateverTheirIds() {
        for (String id : List.of("z-9", "a-1", "m-5")) {
            archive.insertOne(new Document("_id", id).append("status", "PROCESSING"));
        }
        archive.updateOne(Filters.eq("_id", "a-1"), Updates.set("status", "ACCEPTED"));
        archive.deleteOne(Filters.eq("_id", "z-9"));

        assertThat(stored.keySet()).allMatch(Long.class::isInstance);
        assertThat(stored.values()).extracting(document -> document.get("_id")).containsExactly("m-1", "a-1", "m-5");
        assertThat(archive.find(Filters.eq("_id", "a-1")).first())
                .isEqualTo(new Document("_id", "a-1").append("status", "ACCEPTED"));
        assertThat(ids(new Document())).containsExactly("m-1", "a-1", "m-5");
    }

    private de.bwaldvogel.mongo.bson.Document held(String id) {
        return stored.values().stream()
                .filter(document -> id.equals(document.get("_id")))
                .findFirst()
                .orElseThrow();
    }

    private List<Object> ids(Bson filter) {
        return archive.find(filter).map(document -> document.get("_id")).into(new ArrayList<>());
    }

    private void assertUpdateLeavesTheHeldDocument(Bson filter) {
        var held = held("m-1");
        var asHeld = held.cloneDeeply();

        archive.updateOne(
                filter,
                Updates.combine(
                        Updates.set("status", "ACCEPTED"),
                        Updates.set("completedAt", 1_700_000_000_000L),
                        Updates.unset("reasons")));

        assertThat(held).isEqualTo(asHeld);
        assertThat(held("m-1"))
                .isNotSameAs(held)
                .containsEntry("status", "ACCEPTED")
                .containsEntry("completedAt", 1_700_000_000_000L)
                .doesNotContainKey("reasons");
        assertThat(archive.find(Filters.eq("_id", "m-1")).first())
                .isEqualTo(new Document("_id", "m-1")
                        .append("status", "ACCEPTED")
                        .append("resends", 0)
                        .append("completedAt", 1_700_000_000_000L));
    }
}
