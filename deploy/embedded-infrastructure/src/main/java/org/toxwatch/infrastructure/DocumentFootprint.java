package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * An estimate of the heap a stored document takes while its page is cached, which is what H2 sizes its
 * cache by. Counted for a 64-bit JVM with compressed references (12-byte headers, 8-byte alignment): each
 * map entry, string, boxed number and array of the document's object graph. Shared constants (small
 * integers, booleans, MinKey, MaxKey) are counted as if they were not shared, which errs on the high side.
 */
final class DocumentFootprint {

    private static final int REFERENCE = 4;
    private static final int HEADER = 12;
    private static final int ARRAY_HEADER = 16;
    private static final int DOCUMENT = align(HEADER + REFERENCE);
    private static final int LINKED_HASH_MAP = 56;
    private static final int LINKED_HASH_MAP_ENTRY = 40;
    private static final int ARRAY_LIST = align(HEADER + 4 + 4 + REFERENCE);
    private static final int SMALL_OBJECT = 16;
    private static final int OBJECT_WITH_A_LONG = 24;
    private static final int OBJECT_WITH_TWO_LONGS = 32;
    private static final int UNKNOWN_OBJECT = 64;

    private DocumentFootprint() {}

    static int bytesOf(Object value) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(value));
    }

    private static long estimate(Object value) {
        return switch (value) {
            case null -> 0;
            case String text -> string(text);
            case Document document -> DOCUMENT + map(document);
            case Map<?, ?> map -> map(map);
            case Collection<?> collection -> collection(collection);
            case Integer ignored -> SMALL_OBJECT;
            case Boolean ignored -> SMALL_OBJECT;
            case Long ignored -> OBJECT_WITH_A_LONG;
            case Double ignored -> OBJECT_WITH_A_LONG;
            case java.time.Instant ignored -> OBJECT_WITH_A_LONG;
            case UUID ignored -> OBJECT_WITH_TWO_LONGS;
            case LegacyUUID ignored -> SMALL_OBJECT + OBJECT_WITH_TWO_LONGS;
            case ObjectId ignored -> SMALL_OBJECT + byteArray(12);
            case BinData binary -> SMALL_OBJECT + byteArray(binary.getData().length);
            case byte[] bytes -> byteArray(bytes.length);
            case BsonRegularExpression regex ->
                OBJECT_WITH_A_LONG + SMALL_OBJECT + string(regex.getPattern()) + string(regex.getOptions());
            case BsonJavaScript script -> SMALL_OBJECT + string(script.getCode());
            default -> value instanceof Number ? OBJECT_WITH_TWO_LONGS : UNKNOWN_OBJECT;
        };
    }

    private static long map(Map<?, ?> map) {
        long bytes = LINKED_HASH_MAP + referenceArray(tableCapacity(map.size()));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            bytes += LINKED_HASH_MAP_ENTRY + estimate(entry.getKey()) + estimate(entry.getValue());
        }
        return bytes;
    }

    private static long collection(Collection<?> collection) {
        long bytes = ARRAY_LIST + referenceArray(collection.size());
        for (Object element : collection) {
            bytes += estimate(element);
        }
        return bytes;
    }

    private static long string(String text) {
        boolean latin1 = text.chars().allMatch(c -> c < 256);
        return align(HEADER + REFERENCE + 4 + 4) + byteArray(latin1 ? text.length() : 2L * text.length());
    }

    private static int tableCapacity(int size) {
        int needed = (int) Math.ceil(size / 0.75);
        return needed <= 16 ? 16 : Integer.highestOneBit(needed - 1) << 1;
    }

    private static long referenceArray(long length) {
        return align(ARRAY_HEADER + REFERENCE * length);
    }

    private static long byteArray(long length) {
        return align(ARRAY_HEADER + length);
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
