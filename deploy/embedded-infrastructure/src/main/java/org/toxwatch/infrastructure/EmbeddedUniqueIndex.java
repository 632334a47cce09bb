package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index (H2UniqueIndex, whose constructor is not visible here), over a map that holds
 * every key as a {@link StoredIndexKey}: an inserted key is serialized once, as it goes in, and a key read from the
 * file stays the bytes it was read as. A lookup and a removal pass a {@link KeyValue} and compare it by its bytes;
 * only a walk over the whole index (a regular expression on the indexed field) turns each stored key back into the
 * {@link KeyValue} the stock code expects.
 *
 * <p>A {@link KeyValue} left in the map would be Java-serialized again each time H2 writes its page, which it does
 * after every change to the page: a fifth of the launcher's CPU in the hour's soak (docs/performance.md, "Keys
 * inserted as bytes").
 */
final class EmbeddedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, Object> map;

    EmbeddedUniqueIndex(MVMap<Object, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(StoredIndexKey.of(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry -> new AbstractMap.SimpleImmutableEntry<>(
                        (KeyValue) StoredIndexKey.asKeyValue(entry.getKey()), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
