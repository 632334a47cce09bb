package org.toxwatch.infrastructure;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The store's backend: {@link SerializedKeyOrderBackend} whose collections also keep their documents as BSON
 * ({@link BsonDocumentType}). Opening a collection's map first with that value type makes the stock code
 * find it open and use it. A file it has written is no longer readable by the stock backend.
 */
final class BsonDocumentBackend extends SerializedKeyOrderBackend {

    BsonDocumentBackend(String fileName) {
        super(fileName);
    }

    @Override
    void beforeDocumentsOpen(MVStore store, String documentsMapName) {
        store.openMap(documentsMapName, new MVMap.Builder<Object, Object>().valueType(new BsonDocumentType()));
    }
}
