package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique indexes: the same order and the same bytes on disk as H2's
 * {@link ObjectDataType}, without its cost. H2 orders keys it has no type for (mongo-java-server's
 * {@link KeyValue}) by their Java-serialized bytes, and serializes both keys at every comparison of a
 * binary search: a third of the store's CPU in the ingest and alerting benchmarks. Here each key object is
 * serialized once and its bytes kept in a small per-thread cache keyed by identity, so the order is exactly
 * H2's (an index written before keeps working, and one written now reads with the stock type).
 *
 * <p>A key read from the file stays the bytes it was written as ({@link StoredIndexKey}), and a key inserted goes in
 * as its bytes ({@link EmbeddedUniqueIndex}): compared by them, written as them, and deserialized only when an index
 * is walked. A {@link KeyValue} is met only as the key of a lookup or a removal. H2
 * reads a whole page of keys to look one up, and Java deserialization of each was the largest part of the
 * store's work once its indexes outgrew the page cache (docs/performance.md, "The store's index keys kept as
 * bytes").
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** H2's tag of a Java-serialized value ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, package-private there). */
    static final byte SERIALIZED_OBJECT = 19;

    private static final ThreadLocal<SerializedKeys> SERIALIZED = ThreadLocal.withInitial(SerializedKeys::new);

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        byte[] first = serializedKey(a);
        byte[] second = serializedKey(b);
        if (first != null && second != null) {
            return ObjectDataType.compareNotNull(first, second);
        }
        return super.compare(StoredIndexKey.asKeyValue(a), StoredIndexKey.asKeyValue(b));
    }

    /** A Java-serialized value stays its bytes; any other value is read as H2 reads it. */
    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != SERIALIZED_OBJECT) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(serialized);
        return new StoredIndexKey(serialized);
    }

    /** A key read from the file is written back as it was read, in H2's format for a Java-serialized value. */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof StoredIndexKey stored) {
            buffer.put(SERIALIZED_OBJECT).putVarInt(stored.serialized().length).put(stored.serialized());
        } else {
            super.write(buffer, value);
        }
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof StoredIndexKey stored ? stored.memory() : super.getMemory(value);
    }

    private static byte[] serializedKey(Object key) {
        if (key instanceof StoredIndexKey stored) {
            return stored.serialized();
        }
        return key instanceof KeyValue ? SERIALIZED.get().bytesOf(key) : null;
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
