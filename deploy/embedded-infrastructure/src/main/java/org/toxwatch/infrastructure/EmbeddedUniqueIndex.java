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
 * mongo-java-server's H2 unique index (H2UniqueIndex, whose constructor is not visible here), over a map whose
 * keys read from the file stay {@link StoredIndexKey}s: a lookup, an insert and a removal pass a {@link KeyValue}
 * and compare it by its bytes; only a walk over the whole index (a regular expression on the indexed field) turns
 * each stored key back into the {@link KeyValue} the stock code expects.
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
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
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
