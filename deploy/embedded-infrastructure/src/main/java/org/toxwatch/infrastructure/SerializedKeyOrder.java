package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique indexes: the same order and the same bytes on disk as H2's
 * {@link ObjectDataType}, without its cost. H2 orders keys it has no type for (mongo-java-server's
 * {@link KeyValue}) by their Java-serialized bytes, and serializes both keys at every comparison of a
 * binary search: a third of the store's CPU in the ingest and alerting benchmarks. Here each key object is
 * serialized once and its bytes kept in a small per-thread cache keyed by identity, so the order is exactly
 * H2's (an index written before keeps working, and one written now reads with the stock type).
 */
final class SerializedKeyOrder extends ObjectDataType {

    private static final ThreadLocal<SerializedKeys> SERIALIZED = ThreadLocal.withInitial(SerializedKeys::new);

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue && b instanceof KeyValue) {
            SerializedKeys keys = SERIALIZED.get();
            return ObjectDataType.compareNotNull(keys.bytesOf(a), keys.bytesOf(b));
        }
        return super.compare(a, b);
    }

    /**
     * The last serialized keys of one thread, direct-mapped by identity hash. An entry holds its key, so a
     * hit is the very same object, which an index never changes once it holds it.
     */
    private static final class SerializedKeys {

        private static final int SLOTS = 4096;

        private final Object[] keys = new Object[SLOTS];
        private final byte[][] bytes = new byte[SLOTS][];

        byte[] bytesOf(Object key) {
            int slot = System.identityHashCode(key) & (SLOTS - 1);
            if (keys[slot] != key) {
                bytes[slot] = ObjectDataType.serialize(key);
                keys[slot] = key;
            }
            return bytes[slot];
        }
    }
}
