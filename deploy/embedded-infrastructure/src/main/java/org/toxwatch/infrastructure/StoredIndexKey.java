package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index's key as the store file holds it: the Java-serialized bytes of mongo-java-server's
 * {@link KeyValue}, which H2 orders by (see {@link SerializedKeyOrder}). Kept as read, so a lookup that reads a
 * page from the file does not deserialize every key on it, and made once for a key inserted, so a page written
 * again does not serialize its keys again.
 */
final class StoredIndexKey {

    /** The object, the reference to the array and the array's header, on a 64-bit JVM with compressed references. */
    private static final int OVERHEAD = 32;

    private final byte[] serialized;

    StoredIndexKey(byte[] serialized) {
        this.serialized = serialized;
    }

    /** A key as the file will hold it, serialized as H2 serializes it. */
    static StoredIndexKey of(KeyValue key) {
        return new StoredIndexKey(ObjectDataType.serialize(key));
    }

    byte[] serialized() {
        return serialized;
    }

    int memory() {
        return OVERHEAD + serialized.length;
    }

    /** The key itself, for the rare walk over a whole index; a value of another kind as it is. */
    static Object asKeyValue(Object key) {
        return key instanceof StoredIndexKey stored ? ObjectDataType.deserialize(stored.serialized) : key;
    }
}
