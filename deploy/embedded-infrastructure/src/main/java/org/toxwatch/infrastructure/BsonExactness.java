package org.toxwatch.infrastructure;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

/**
 * Whether mongo-java-server's BSON encoder and decoder carry a document back as the very same values of the
 * very same classes. They do for what its decoder produces (what came over the wire), but not for everything
 * the server may hold: another map or collection comes back as a {@link Document} or an {@link ArrayList}, an
 * {@link Instant} loses what is finer than a millisecond, a name with a NUL or a string with a lone surrogate
 * changes, a {@code byte[]} is not encoded at all. Such a document keeps Java serialization.
 *
 * <p>Checking every character of every text costs more than encoding it, so texts are checked in a second
 * pass, {@link #hasWellFormedTexts}, and only when the encoding holds the '?' that UTF-8 writes for a lone
 * surrogate.
 */
final class BsonExactness {

    private static final long MAX_EPOCH_SECOND_IN_MILLIS = Long.MAX_VALUE / 1000 - 1;

    private BsonExactness() {}

    /** Every value of a class the decoder produces, every name a C string; texts are not checked here. */
    static boolean hasExactStructure(Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (!isCString(field.getKey()) || !hasExactStructure(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** No text value, at any depth, holds a lone surrogate. */
    static boolean hasWellFormedTexts(Object value) {
        if (value instanceof String text) {
            return isWellFormed(text);
        }
        if (value instanceof BsonJavaScript script) {
            return isWellFormed(script.getCode());
        }
        if (value instanceof Map<?, ?> map) {
            return hasWellFormedTexts(map.values());
        }
        if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                if (!hasWellFormedTexts(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasExactStructure(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            return true;
        }
        if (type == Document.class) {
            return hasExactStructure((Document) value);
        }
        if (type == ArrayList.class) {
            for (Object element : (ArrayList<?>) value) {
                if (!hasExactStructure(element)) {
                    return false;
                }
            }
            return true;
        }
        if (type == Instant.class) {
            return isWholeMilliseconds((Instant) value);
        }
        if (type == BsonRegularExpression.class) {
            var regex = (BsonRegularExpression) value;
            return isCString(regex.getPattern()) && isCString(regex.getOptions());
        }
        return type == Integer.class
                || type == BsonJavaScript.class
                || type == Long.class
                || type == Double.class
                || type == Boolean.class
                || type == ObjectId.class
                || type == Decimal128.class
                || type == UUID.class
                || type == LegacyUUID.class
                || type == BinData.class
                || type == BsonTimestamp.class
                || type == MinKey.class
                || type == MaxKey.class;
    }

    private static boolean isWholeMilliseconds(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 && Math.abs(instant.getEpochSecond()) <= MAX_EPOCH_SECOND_IN_MILLIS;
    }

    private static boolean isCString(String text) {
        return text.indexOf('\0') < 0 && isWellFormed(text);
    }

    /** UTF-8 has no encoding for a surrogate that is not half of a pair; the encoder writes '?' instead. */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c)
                        || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
