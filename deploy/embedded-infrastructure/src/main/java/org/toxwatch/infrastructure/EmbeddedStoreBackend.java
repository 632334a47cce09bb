package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with four changes:
 *
 * <ul>
 *   <li>the file is written through an {@link EmbeddedFileStore}, which keeps the buffers chunks are written from
 *       whatever their size;
 *   <li>collections keep their documents as BSON ({@link BsonDocumentType}) instead of Java serialization. A file
 *       the stock backend wrote keeps working, but one written here cannot be opened by the stock backend any more;
 *   <li>unique indexes are {@link EmbeddedUniqueIndex}es, whose maps compare keys through {@link SerializedKeyOrder}
 *       and hold every key as its serialized bytes, inserted or read from the file; the maps keep the stock names
 *       and format;
 *   <li>collections are {@link EmbeddedStoreCollection}s, so an update never changes a document while H2 may be
 *       writing it, and a scan keeps the chunks it reads until it ends.
 * </ul>
 */
final class EmbeddedStoreBackend extends H2Backend {

    EmbeddedStoreBackend(String fileName) {
        super(EmbeddedFileStore.open(fileName));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Inner, not nested: the stock constructor opens the indexes already stored, before a field of this class
     * could be assigned; the backend's store is reachable through the enclosing instance from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<Object, Object> map = getMvStore()
                    .openMap(
                            indexMapName(collectionName, indexName),
                            new MVMap.Builder<Object, Object>().keyType(new SerializedKeyOrder()));
            return new EmbeddedUniqueIndex(map, indexName, keys, sparse);
        }

        /** The stock collection's maps, by the stock names (H2Database.openOrCreateCollection), in ours. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new EmbeddedStoreCollection(
                    this,
                    collectionName,
                    options,
                    getMvStore().openMap("databases." + namespace, documents()),
                    getMvStore().openMap("meta." + namespace),
                    cursorRegistry);
        }

        private static MVMap.Builder<Object, Document> documents() {
            return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
        }

        /** The stock backend's name of an index's map (H2Database.mapNameForIndex, private there). */
        String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }
}
