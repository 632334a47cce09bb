package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class SerializedKeyOrderTest {

    private final ObjectDataType stock = new ObjectDataType();
    private final SerializedKeyOrder memoized = new SerializedKeyOrder();

    @Test
    void ordersIndexKeysExactlyAsH2DoesForEveryPairOfMixedValues() {
        List<KeyValue> keys = mixedKeys(new Random(11), 300);

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(memoized.compare(a, b)))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    @Test
    void aCopyOfAKeyIsEqualToItAndARepeatedComparisonGivesTheSameAnswer() {
        var key = new KeyValue("CBC|p-17", 3L);
        var copy = new KeyValue("CBC|p-17", 3L);
        var later = new KeyValue("CBC|p-18", 1L);

        assertThat(memoized.compare(key, copy)).isZero();
        assertThat(Integer.signum(memoized.compare(key, later))).isEqualTo(Integer.signum(stock.compare(key, later)));
        assertThat(Integer.signum(memoized.compare(key, later)))
                .isEqualTo(Integer.signum(memoized.compare(key, later)))
                .isNotZero();
    }

    @Test
    void keysThatOutnumberTheCacheAreStillOrderedAsH2Orders() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(new KeyValue("alert-" + i));
        }
        var random = new Random(5);

        for (int i = 0; i < 50_000; i++) {
            KeyValue a = keys.get(random.nextInt(keys.size()));
            KeyValue b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(memoized.compare(a, b))).isEqualTo(Integer.signum(stock.compare(a, b)));
        }
    }

    @Test
    void aKeyReadFromTheFileStaysItsBytesAndIsWrittenBackByteForByte() {
        for (KeyValue key : mixedKeys(new Random(3), 200)) {
            byte[] written = writtenBy(stock, key);

            Object read = memoized.read(ByteBuffer.wrap(written));

            assertThat(read).as("%s read back", key).isInstanceOf(StoredIndexKey.class);
            assertThat(writtenBy(memoized, read)).as("%s written again", key).isEqualTo(written);
            assertThat(StoredIndexKey.asKeyValue(read))
                    .as("%s deserialized", key)
                    .isEqualTo(key);
        }
    }

    @Test
    void keysReadFromTheFileAreOrderedAsH2OrdersTheKeysTheyWereWrittenFrom() {
        List<KeyValue> keys = mixedKeys(new Random(13), 200);
        List<Object> read = keys.stream().map(this::readBack).toList();

        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                int expected = Integer.signum(stock.compare(keys.get(i), keys.get(j)));
                assertThat(Integer.signum(memoized.compare(read.get(i), read.get(j))))
                        .as("read %s against read %s", keys.get(i), keys.get(j))
                        .isEqualTo(expected);
                assertThat(Integer.signum(memoized.compare(read.get(i), keys.get(j))))
                        .as("read %s against %s", keys.get(i), keys.get(j))
                        .isEqualTo(expected);
                assertThat(Integer.signum(memoized.compare(keys.get(i), read.get(j))))
                        .as("%s against read %s", keys.get(i), keys.get(j))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aKeyReadFromTheFileFindsItsEqualAmongKeysMadeSince() {
        for (KeyValue key : mixedKeys(new Random(17), 200)) {
            var rebuilt = new KeyValue(key.stream().toList());

            assertThat(memoized.compare(readBack(key), rebuilt)).as("%s", key).isZero();
        }
    }

    @Test
    void valuesOtherThanSerializedOnesAreReadAsH2ReadsThem() {
        for (Object value : List.of("CBC", 7L, 3, 2.5, UUID.randomUUID(), true)) {
            Object read = memoized.read(ByteBuffer.wrap(writtenBy(stock, value)));

            assertThat(read).as("%s", value).isEqualTo(value);
        }
    }

    @Test
    void valuesOtherThanIndexKeysAreComparedByH2Itself() {
        assertThat(memoized.compare("a", "b")).isEqualTo(stock.compare("a", "b"));
        assertThat(memoized.compare(7L, 3L)).isEqualTo(stock.compare(7L, 3L));
        assertThat(Integer.signum(memoized.compare(new KeyValue("a"), "a")))
                .isEqualTo(Integer.signum(stock.compare(new KeyValue("a"), "a")));
    }

    private Object readBack(KeyValue key) {
        return memoized.read(ByteBuffer.wrap(writtenBy(stock, key)));
    }

    private static byte[] writtenBy(ObjectDataType type, Object value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer().duplicate().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static List<KeyValue> mixedKeys(Random random, int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(
                    switch (i % 8) {
                        case 0 -> new KeyValue("p-" + random.nextInt(1_000));
                        case 1 -> new KeyValue(random.nextInt(100));
                        case 2 -> new KeyValue(random.nextLong());
                        case 3 -> new KeyValue(random.nextDouble() * 100);
                        case 4 ->
                            new KeyValue(new UUID(random.nextLong(), random.nextLong()), (long) random.nextInt(5));
                        case 5 -> new KeyValue("CYTOPENIA|p-" + random.nextInt(50), random.nextBoolean());
                        case 6 -> new KeyValue(new ObjectId());
                        default -> new KeyValue(new Document("code", "LOINC-" + random.nextInt(20)));
                    });
        }
        return keys;
    }
}
